"""Counts of people, volumes with their period and budgets, from the numbers in a message.

Money is never a count ("R$ 30 mil", "30k de orçamento"); a range keeps its upper end
("10 a 15" → 15); a volume keeps its period ("umas 200 por dia" → "200/dia").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.numbers import Number, number_words, numbers

PEOPLE = ("usuari", "pessoa", "funcionari", "colaborador", "atendente", "vendedor", "aluno",
          "motorista", "acesso", "user", "operador", "tecnic", "corretor", "professor",
          "entregador", "motoboy", "socio", "gerente", "medic", "dentista", "recepcionista",
          "secretari", "estagiari", "empregad", "login", "cabeca", "agente", "consultor",
          "representante", "caixa", "garco", "garcon", "cozinheir")  # fmt: skip
MONEY_WORDS = frozenset(("reais", "real", "conto", "contos", "pila", "pilas", "mangos"))
MONEY_CUES = frozenset(("orcamento", "investir", "investimento", "verba", "budget", "valor",
                        "pagar", "gastar", "custa", "custo", "preco", "mensalidade", "cobrar",
                        "cobra", "cobram", "sai", "fica", "reservado", "separado"))  # fmt: skip
RANGE_LINKS = frozenset(("a", "e", "ate", "ou", "-", "/"))
PERIODS = {"dia": "dia", "dias": "dia", "diario": "dia", "diarios": "dia", "diaria": "dia",
           "diarias": "dia", "semana": "semana", "semanais": "semana", "semanal": "semana",
           "mes": "mês", "meses": "mês", "mensal": "mês", "mensais": "mês", "noite": "noite",
           "noites": "noite", "hora": "hora", "horas": "hora", "fds": "fim de semana",
           "sabado": "sábado", "domingo": "domingo", "turno": "turno"}  # fmt: skip
PER = frozenset(("por", "/", "ao", "a", "p", "pra", "cada", "na", "no", "em", "num", "numa",
                 "de", "todo", "toda", "o", "um", "uma", "pro", "pela", "pelo"))  # fmt: skip
MAX_FIGURE = 10_000_000
PHONE_DIGITS = 8
_REFUSAL = re.compile(
    r"\b((?:nao|n) sei|prefiro nao|nao tenho (?:ideia|orcamento|valor|nocao)|sem orcamento|"
    r"nao quero (?:dizer|informar|falar)|depende|nao faco ideia|a definir|nao sei dizer)\b"
)


def _money(words: Sequence[str], n: Number) -> bool:
    before = words[max(0, n.start - 2) : n.start]
    after = words[n.end : n.end + 2]
    if "$" in before or (before[-1:] == ["r"]) or MONEY_WORDS & set(after):
        return True
    if n.end > n.start + 1 and words[n.end - 1] == "k":
        return not _period_after(words, n.end)  # "30k" is money; "5k por mês" a volume
    near = words[max(0, n.start - 4) : n.end + 3]
    return bool(MONEY_CUES & set(near)) and not _people_after(words, n.end)


def _people_after(words: Sequence[str], end: int) -> bool:
    following = [w for w in words[end : end + 3] if w not in ("de", "mais", "no", "total")]
    return bool(following) and following[0].startswith(PEOPLE)


def _period_after(words: Sequence[str], end: int) -> str | None:
    """ "pedidos por dia", "/mês", "no fim de semana", "por noite": the period, if any."""
    j = end
    for _ in range(4):
        if j >= len(words):
            return None
        word = words[j]
        if word in PERIODS:
            return PERIODS[word]
        if word in ("fim", "final") and words[j + 1 : j + 3] == ["de", "semana"]:
            return "fim de semana"
        if word not in PER and not word.isalpha():
            return None
        j += 1
    return None


def _is_phone(words: Sequence[str], n: Number) -> bool:
    return n.start + 1 == n.end and len(words[n.start].split(".")[0]) >= PHONE_DIGITS


def _upper(found: list[Number], words: Sequence[str], i: int) -> Number:
    """ "10 a 15", "entre 10 e 15": the range's upper end."""
    linked = i + 1 < len(found) and found[i + 1].start == found[i].end + 1
    if linked and words[found[i].end] in RANGE_LINKS and found[i + 1].value > found[i].value:
        return found[i + 1]
    return found[i]


def user_count(text: str, *, answer: bool = False) -> int | None:
    """People who will use it: a figure next to people ("12 funcionários"), "eu e meu sócio";
    in an answer to "quantas pessoas?", the figure itself."""
    words = number_words(text)
    found = [n for n in numbers(words) if not _money(words, n) and not _is_phone(words, n)]
    team = people_listed(words)
    if team is not None:
        return team
    for i in range(len(found)):
        if _people_after(words, _upper(found, words, i).end):
            return min(_upper(found, words, i).value, MAX_FIGURE)
    if not answer:
        return None
    usable = [i for i, n in enumerate(found) if not _period_after(words, n.end)]
    return _upper(found, words, usable[0]).value if usable else None


def people_listed(words: Sequence[str]) -> int | None:
    """ "só eu" → 1; "eu, meu sócio e 3 funcionários" → 5; "eu e mais dois" → 3."""
    if "eu" not in words:
        return None
    at = words.index("eu")
    rest = list(words[at + 1 :])
    if at > 2 or (rest and rest[0] not in ("e", "meu", "minha", "mais", "com", "o", "a")):
        return None if rest else (1 if at <= 1 else None)
    total, i = 1, 0
    found = {n.start: n for n in numbers(rest)}
    while i < len(rest):
        if i in found:
            total, i = total + found[i].value, found[i].end + 1
        elif rest[i] in ("meu", "minha", "o", "a") and i + 1 < len(rest):
            total, i = total + 1, i + 2
        else:
            i += 1
    return total


def volume(text: str, *, answer: bool = False) -> str | None:
    """ "umas 200 por dia" → "200/dia"; "10 a 15 por dia" → "10-15/dia"; two figures → "; "."""
    words = number_words(text)
    found = [n for n in numbers(words) if not _money(words, n) and not _is_phone(words, n)]
    figures, i = [], 0
    while i < len(found):
        upper = _upper(found, words, i)
        period = _period_after(words, upper.end)
        span = f"{found[i].value}-{upper.value}" if upper is not found[i] else str(upper.value)
        if period and not _people_after(words, upper.end):
            figures.append(f"{span}/{period}")
        i = found.index(upper) + 1
    if figures:
        return "; ".join(figures)
    return str(_upper(found, words, 0).value) if answer and found else None


def budget(text: str, *, answer: bool = False) -> int | str | None:
    """Reais, the upper end of a range; "unknown" when the person declines to say; in an
    answer to "quanto pretende investir?", any figure."""
    words = number_words(text)
    found = [n for n in numbers(words) if not _is_phone(words, n)]
    for i, n in enumerate(found):
        upper = _upper(found, words, i)
        if answer or _money(words, n) or _money(words, upper):
            return upper.value
    said = fold(text)
    asked = answer or any(cue in said for cue in ("orcamento", "investir", "investimento"))
    return "unknown" if asked and _REFUSAL.search(said) else None
