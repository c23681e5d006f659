"""What the person can spend: reais, the upper end of a range, "no máximo 4k"; "unknown"
when they decline or do not know. Revenue, prices and salaries are never budgets."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.amounts import (
    ALONE_AFTER,
    BUDGET_CUES,
    MONEY_WORDS,
    is_phone,
    money_said,
    people_after,  # fmt: skip
    upper_of,
)
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.numbers import Number, number_words, numbers

THOUSAND = 1000

_REFUSAL = re.compile(
    r"\b((?:nao|n) sei|prefiro nao|nao tenho (?:ideia|orcamento|valor|nocao)|sem orcamento|"
    r"nao quero (?:dizer|informar|falar)|depende|nao faco ideia|a definir|nao sei dizer|"
    r"o que couber|nem sei quanto|nao sei quanto|prefiro nao passar|nao tenho ideia|"
    r"sem ideia|^ainda nao$|prefiro ver (?:a |uma )?(?:proposta|o preco|os precos|os valores|"
    r"quanto)|manda (?:a|uma) proposta|"
    r"vou ver com|(?:nocao|ideia) nenhuma|nenhuma (?:nocao|ideia)|o mais barato|sei la|"
    r"nao (?:defini|definimos|pensei|pensamos)|quanto menos melhor|me passa o preco|"
    r"^nao tenho$|sem grana|(?:nao|sem) (?:tem|tenho|temos) (?:verba|grana|dinheiro)|"
    r"(?:verba|orcamento|valor) .{0,30}nao (?:tem|tenho|temos|esta) definid|^zero\b|"
    r"vai depender|o que (?:voces|vcs) cobrarem|"
    r"(?:nao|sem) (?:tem|tenho|temos)? ?(?:um )?(?:valor|orcamento|verba) (?:definid|fechad)\w*|"
    r"(?:prefiro|preferimos|quero|queremos) (?:receber|ver) (?:uma|a) proposta)\b"
)
# The question turned back on the bot: the figure that follows is a guess at the price.
_TURNED_BACK = re.compile(
    r"\b(?:eu que (?:te )?pergunto|eu que quero saber|(?:vc|voce|vcs|voces) que (?:sabe|sabem|"
    r"me diz|me fala|tem que dizer|tem que me dizer)|me (?:diz|fala) (?:vc|voce|vcs|voces))\b"
)
ASKED = ("orcamento", "investir", "investimento", "gastar", "pagar", "valor")
# What a figure counts when it is no money: "uns 200 pedidos", "é pra 3 lojas".
MONEYISH = BUDGET_CUES | MONEY_WORDS | frozenset(("$", "r", "tenho", "temos", "tem", "pago",
                                                  "gasto", "custa"))  # fmt: skip
COUNTED = ("pedido", "loja", "entrega", "mensage", "msg", "unidade", "filia", "cliente",
           "produto", "venda", "caminh", "carro", "moto", "item", "ite", "paciente", "lote",
           "kg", "km", "metro", "vez", "veze", "hora", "semana", "dia", "nota", "nf", "boleto",
           "documento", "registro", "produtor", "aluno", "litro", "pacote", "encomenda",
           "chamado", "atendimento", "ligac", "conversa", "contato", "acesso")  # fmt: skip
_HALF_MILLION = re.compile(r"\bmeio milh[aã]o\b", re.IGNORECASE)
_PERCENT = re.compile(r"\b\d+\s*(?:%|por cento)")
_INSTALMENTS = re.compile(r"\b(\d{1,2})\s*x\s*(?:de\s*)?(?:r\$\s*)?(\d{1,3}(?:\.\d{3})*|\d+)\b",
                          re.IGNORECASE)  # fmt: skip


def _total(found: re.Match[str]) -> str:
    return f" {int(found.group(1)) * int(found.group(2).replace('.', ''))} reais "


CAPS = frozenset(("maximo", "teto", "ate", "chegar", "estica", "esticar", "esticamos"))


TOTAL = frozenset(("total", "todo", "somando", "somado"))  # "no total", "ao todo"


def budget(text: str, *, answer: bool = False) -> int | str | None:
    """Reais the person can spend, the upper end of a range; "unknown" when they decline or
    do not know; in an answer to "quanto pretende investir?", any figure but revenue, a
    price or a count of people."""
    return _budget(text, answer=answer)[1]


def budget_floor(text: str, *, answer: bool = False) -> int | None:
    """The lower end when the budget was said as a range ("entre 15 e 25 mil": 15000)."""
    return _budget(text, answer=answer)[0]


def _budget(text: str, *, answer: bool) -> tuple[int | None, int | str | None]:
    text = _INSTALMENTS.sub(_total, _HALF_MILLION.sub("500 mil", text))  # "10x de 500"
    words = number_words(_PERCENT.sub(" ", text))  # "50% agora e 50% na entrega"
    found = [n for n in numbers(words) if not is_phone(words, n) and words[n.start] not in
             ("um", "uma") and not _counted(words, n) and n.value > 0]  # fmt: skip
    found, scaled = _scaled(words, found)
    found = [n for n in found if not _count_goes_on(words, n)]  # "3 mil notas, pico de 10 mil"
    if answer and found and _TURNED_BACK.search(fold(text)):  # "eu que pergunto né, uns 5 mil?"
        return None, "unknown"  # a guess at the price asked back: no budget of the person's
    whole = [i for i, n in enumerate(found) if TOTAL & set(words[max(0, n.start - 3) : n.start])]
    if whole:  # "entre 300 e 500 por cliente, no total uns 1.500 a 2.500": the whole
        first, top = found[whole[0]], upper_of(found, words, whole[0])
        return (_floor(first.value, top.value) if top is not first else None), top.value
    capped = [n for n in found if (CAPS & set(words[max(0, n.start - 4) : n.start])
              or words[n.end : n.end + 2] == ["no", "maximo"])
              and (n in scaled or n.value >= THOUSAND or _monthly(words, n)
                   or money_said(words, n) in ("budget", "amount"))]  # fmt: skip
    if capped:  # "uns 3k, no máximo 4k", "30 mil, mas pode chegar a 40", "até 200 mensais"
        top = capped[-1]
        said = [n.value for n in found[: found.index(top)] if top.value / 10 <= n.value]
        return (said[-1] if said and said[-1] < top.value else None), top.value
    for i, n in enumerate(found):
        upper = upper_of(found, words, i)
        said = "amount" if upper in scaled else money_said(words, n) or money_said(words, upper)
        if said in ("budget", "amount") or (answer and said is None and
                                             not people_after(words, upper.end)):  # fmt: skip
            return _floor(n.value, upper.value) if upper is not n else None, upper.value
    folded = fold(text)
    asked = answer or any(cue in folded for cue in ASKED)
    return None, ("unknown" if asked and _REFUSAL.search(folded) else None)


def _count_goes_on(words: list[str], n: Number) -> bool:
    """ "umas 3 mil notas por mês, pico chega a 10 mil": the figure before it counts things,
    and nothing between them speaks of money."""
    before = [m for m in numbers(words) if m.end <= n.start]
    noun = words[before[-1].end : before[-1].end + 1] if before else []
    if not noun or not noun[0].startswith(COUNTED):
        return False
    between = words[before[-1].end : n.start] + words[n.end : n.end + 1]
    return not MONEYISH & set(between)


def _counted(words: list[str], n: Number) -> bool:
    """ "uns 200 pedidos", "pra 3 lojas", "dia 20": a count or a date, no money."""
    after, before = words[n.end : n.end + 1], words[n.start - 1 : n.start]
    people = before in (["somos"], ["seriamos"], ["sao"])  # "somos 4 e dá pra pagar uns 600"
    dated = "/" in (before[:1] + after[:1]) and n.value <= 31  # "até 15/01"
    return before == ["dia"] or people or dated or bool(after and after[0].startswith(COUNTED))


def _scaled(words: list[str], found: list[Number]) -> tuple[list[Number], list[Number]]:
    """A bare figure after one in thousands is in thousands too ("30 mil ... chegar a 40")."""
    out, scaled, thousands = [], [], False
    for n in found:
        own = words[n.end - 1] in ("mil", "k") or n.value >= THOUSAND
        after = words[n.end : n.end + 1]
        explicit = words[n.start - 1 : n.start] == ["$"] or bool(MONEY_WORDS & set(after))
        alone = after in ([], ["no"], ["por"], ["mensais"], ["mensal"]) or (
            after[0] in ALONE_AFTER
        )  # "pode chegar a 40", "no máximo 25 por mês"
        if thousands and not own and 0 < n.value < THOUSAND and not explicit and alone:
            scaled.append(Number(n.start, n.end, n.value * THOUSAND))
            out.append(scaled[-1])
            continue
        kind = money_said(words, n)
        thousands = thousands or (
            kind != "price"
            and (words[n.end - 1] in ("mil", "k") or (n.value >= THOUSAND and kind is not None))
        )  # "faturo 50 mil ... até 900": no
        out.append(n)
    return out, scaled


def _monthly(words: list[str], n: Number) -> bool:
    """ "até 200 mensais", "o máximo é 250 por mês": a fee, said right after the figure."""
    after = words[n.end : n.end + 2]
    return after[:1] in (["mensais"], ["mensal"]) or after in (["por", "mes"], ["ao", "mes"])


def _floor(lower: int, upper: int) -> int:
    """ "15 a 25 mil": the thousands said once, for both ends."""
    return lower * THOUSAND if lower < THOUSAND <= upper and lower * THOUSAND <= upper else lower
