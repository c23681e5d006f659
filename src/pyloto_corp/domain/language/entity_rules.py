"""Numbers, deadlines, volumes and budgets in informal Portuguese (folded text in, values out)."""

from __future__ import annotations

import re
from collections.abc import Mapping

_UNIT_DAYS = {"dia": 1, "semana": 7, "mes": 30, "ano": 365}
_URGENT = re.compile(
    r"\b(para ontem|pra ontem|urgente|urgencia|o quanto antes|o mais rapido|asap|"
    r"imediat\w*|essa semana|esta semana|(?:pra|para|ate|e pra|e para) (?:amanha|hoje)|"
    r"hoje mesmo|amanha mesmo|semana que vem|proxima semana)\b"
)
_ONLY_SOON = re.compile(r"^(amanha|hoje)$")  # the whole answer ("Para quando?" "amanhã")
_RELATIVE = re.compile(
    r"\b(?:em|daqui(?: a)?|dentro de|uns|umas|mais ou menos|tipo) (\w+) "
    r"(dia|semana|mes|ano)(?:s|es)?\b"
)
_END_OF = re.compile(r"\b(?:ate )?(?:o )?(?:fim|final) d[oe] (mes|ano|semestre)\b")
_NEXT = re.compile(
    r"\b(mes que vem|proximo mes|ano que vem|proximo ano|semana que vem|proxima semana)\b"
)
_FLEXIBLE = re.compile(r"\b(sem pressa|sem prazo|nao tenho prazo|tanto faz|sem data)\b")
_DATE = re.compile(r"\b(?:ate|para|pra|dia) (\d{1,2}) (\d{1,2})\b")
_NUMBER_WORD = re.compile(r"(\d+(?:[.,]\d{3})+|\d+[.,]\d+|\d+|[a-z]+)(?: ?(mil|k))?\b")
_NUMBER = r"(\d+(?:[.,]\d+)?(?: ?(?:mil|k))?|\w+(?: mil)?)"
_COUNTED = re.compile(
    _NUMBER + r" (?:usuario|pessoa|funcionario|colaborador|atendente|vendedor|aluno|"
    r"motorista|unidade|filia|acesso|user)\w*"
)
_VOLUME = re.compile(
    r"\b(?!(?:uns|umas|tipo|cerca|quase|mais|menos|ate|de)\b)"  # "uns 60": the figure is 60
    + _NUMBER
    + r" ?(entrega|pedido|mensage|msg|atendimento|conversa|cliente|corrida|envio)?\w*"
    r" ?(?:por|/|ao|a cada|p|na|no)? ?(dia|semana|mes|noite|hora)\b"
)
_VOLUME_UNIT = re.compile(r"(?:dia|semana|mes|noite|hora)\b")
_AMOUNT = re.compile(
    r"\br ?(\d[\d.,]*(?: ?mil| ?k)?)|\b(\d[\d.,]*(?: ?mil| ?k)? reais)|"
    r"\b(?:orcamento|investir|investimento|verba|budget)\D{0,20}(\d[\d.,]*(?: ?mil| ?k)?)"
)
_UNIT_NAMES = {
    "dia": ("dia", "dias"),
    "semana": ("semana", "semanas"),
    "mes": ("mês", "meses"),
    "ano": ("ano", "anos"),
}
_REFUSAL = re.compile(
    r"\b(nao sei|prefiro nao|nao tenho (?:ideia|orcamento|valor|nocao)|sem orcamento|"
    r"nao quero (?:dizer|informar|falar)|depende|nao faco ideia|a definir)\b"
)


def parse_number(text: str, words: Mapping[str, int]) -> int | None:
    """ "20", "uns 20", "2 mil", "2.500", "vinte", "dez mil" → an int; None if not a number."""
    for match in _NUMBER_WORD.finditer(text):
        value = _to_number(match.group(1), words)
        if value is not None:
            return int(value * (1000 if match.group(2) else 1))
    return None


def _to_number(raw: str, words: Mapping[str, int]) -> float | None:
    if raw.isalpha():
        return words.get(raw)
    if re.fullmatch(r"\d+(?:[.,]\d{3})+", raw):
        return float(re.sub(r"[.,]", "", raw))
    return float(raw.replace(",", "."))


def deadline(text: str, months: Mapping[str, str]) -> tuple[str | None, bool]:
    """(what the person said about timing, normalized; whether it is urgent)."""
    if found := _URGENT.search(text) or _ONLY_SOON.match(text.strip()):
        said = re.sub(r"^e ", "", found.group(1))
        return re.sub(r"\bpra\b", "para", said), True
    if found := _RELATIVE.search(text):
        amount = parse_number(found.group(1), {"um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3})
        if amount is not None:
            unit = _UNIT_NAMES[found.group(2)][amount != 1]
            return f"em {amount} {unit}", amount * _UNIT_DAYS[found.group(2)] <= 14
    return _calendar_deadline(text, months), False


def _calendar_deadline(text: str, months: Mapping[str, str]) -> str | None:
    if found := _END_OF.search(text):
        return f"até o fim do {found.group(1).replace('mes', 'mês')}"
    if found := _NEXT.search(text):
        return found.group(1).replace("mes", "mês").replace("proximo", "próximo")
    names = "|".join(months)
    if month := re.search(r"\b(?:ate|em|para|pra|inicio de|fim de|de) (" + names + r")\b", text):
        return f"até {months[month.group(1)]}"
    if found := _DATE.search(text):
        return f"até {found.group(1)}/{found.group(2)}"
    return "sem prazo definido" if _FLEXIBLE.search(text) else None


_ME_AND = re.compile(r"^(?:so |somente |apenas )?eu(?: e (?:mais )?(.+?))?$")
_ONE_OTHER = re.compile(r"^(?:meu|minha|o|a|um|uma) \w+(?: \w+)?$")


def people_count(text: str, words: Mapping[str, int]) -> int | None:
    """ "só eu" → 1, "eu e minha esposa" → 2, "eu e mais 2" / "eu e dois funcionários" → 3."""
    found = _ME_AND.match(text.strip())
    if found is None:
        return None
    others = found.group(1)
    if others is None:
        return 1
    counted = parse_number(others, words)
    if counted is not None:
        return 1 + counted
    return 2 if _ONE_OTHER.match(others) else None


def user_count(text: str, words: Mapping[str, int]) -> int | None:
    found = _COUNTED.search(text)
    return parse_number(found.group(1), words) if found else None


def volume(text: str, words: Mapping[str, int]) -> str | None:
    """ "uns 50 pedidos por dia" → "50 pedidos/dia"."""
    if not _VOLUME_UNIT.search(text):  # cheap: the full pattern backtracks on every word
        return None
    for found in _VOLUME.finditer(text):
        amount = parse_number(found.group(1), words)
        if amount is not None:
            what = f" {found.group(2)}s" if found.group(2) else ""
            unit = found.group(3).replace("mes", "mês")
            return f"{amount}{what}/{unit}".replace("mensages", "mensagens")
    return None


def budget(text: str) -> str | None:
    """An amount the person gave ("R$ 10 mil"), "unknown" when they decline, else None."""
    if found := _AMOUNT.search(text):
        amount = next(g for g in found.groups() if g)
        return "R$ " + amount.removesuffix(" reais")
    return "unknown" if _REFUSAL.search(text) else None
