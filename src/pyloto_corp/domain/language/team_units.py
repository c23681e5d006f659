"""The units a team is counted by ("3 lojas", "12 vans", "a matriz e 2 filiais") and the
people of one unit ("4 corretores em cada + 1 secretária por loja", "cada van tem 1 motorista
e 1 monitora"), for ``teams.multiplied``."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import PEOPLE
from pyloto_corp.domain.language.numbers import Number

STEM = 4  # "loja" / "lojas", "filial" / "filiais", "turno" / "turnos"
SHORT = 3
SHORT_UNITS = frozenset(("van", "vans", "bar", "box", "pet"))  # units shorter than ``STEM``
TIMES = frozenset(("dia", "dias", "semana", "semanas", "mes", "meses", "noite", "noites", "hora",
                   "horas", "ano", "anos", "fds", "fim", "final", "madrugada", "manha", "tarde",
                   "favor", "cento", "exemplo", "voce", "vezes", "dentro", "isso"))  # fmt: skip
# Places of one business: "cada loja" counts "2 filiais", "3 imobiliárias" too.
BRANCHES = frozenset(("loja", "fili", "unid", "matr", "sede", "imob", "farm", "clin", "post",
                      "esco", "rest", "pada", "acad", "merc", "supe", "agen", "cons", "salo",
                      "sala", "fran", "pont", "barb", "otic", "lanc", "pizz", "hamb", "offi",
                      "ofic", "pet"))  # fmt: skip
HEAD = frozenset(("matriz", "sede"))  # "a matriz e 2 filiais": one unit more
CREW = (*PEOPLE, "monitor", "zelador", "porteir", "cuidador", "ajudante", "estoquist", "capataz",
        "chefe", "encarregad", "lider", "cobrador", "fiscal", "peao", "peoes", "borracheir",
        "pedreir", "servent", "instrutor", "treinador", "personal", "coordenador", "vigia",
        "seguranca")  # fmt: skip
JOINS = frozenset(("e", "+"))
PER_WORDS = frozenset(("em", "cada", "por", "e", "+"))
MAX_LINK = 5  # "corretores em cada +": the words between two roles of one unit


def stem(word: str) -> str:
    word = word[:-1] if word.endswith("s") and len(word) > SHORT else word
    return word[:STEM]


def unit_after(words: Sequence[str], at: int) -> str | None:
    """The unit named right after ``at`` ("lojas", "turnos", "vans"), never people nor a
    period."""
    if at >= len(words):
        return None
    word = words[at]
    short = len(word) < STEM and word not in SHORT_UNITS
    if not word.isalpha() or short or word.startswith(PEOPLE) or word in TIMES:
        return None
    return stem(word)


def same_unit(unit: str | None, other: str | None) -> bool:
    """ "loja" and "lojas"; "cada loja" and "2 filiais" (places of one business)."""
    return unit is not None and other is not None and (
        unit == other or (unit in BRANCHES and other in BRANCHES))  # fmt: skip


def units_of(words: Sequence[str], found: Sequence[Number], unit: str, per: Number) -> int | None:
    """How many units: the figure naming the same unit, else one naming a place of the
    business, plus the head office said with it ("a matriz e 2 filiais" → 3)."""
    others = [n for n in found if n is not per]
    units = next((n for n in others if unit_after(words, n.end) == unit), None) or next(
        (n for n in others if same_unit(unit, unit_after(words, n.end))), None)  # fmt: skip
    if units is None:
        return None
    before = words[max(0, units.start - 4) : units.start]
    head = bool(HEAD & set(before)) and before[-1:] in (["e"], ["mais"], ["+"])
    return units.value + head


def crew(words: Sequence[str], found: Sequence[Number], per: Number, most: Number) -> list[Number]:
    """The figures of one unit's people: "4 corretores em cada + 1 secretária por loja" (back
    from the one before the unit), "cada van tem 1 motorista e 1 monitora" (on from the one
    after it)."""
    listed = list(found)
    chain = [most]
    for n in reversed(listed[: listed.index(per)]):
        if not _linked(words[n.end : chain[0].start], allowed=PER_WORDS):
            break
        chain.insert(0, n)
    if len(chain) > 1:
        return chain
    for n in listed[listed.index(most) + 1 :]:
        noun = words[n.end : n.end + 1]
        if not (noun and noun[0].startswith(CREW)) or not _linked(
                words[chain[-1].end : n.start], allowed=JOINS):  # fmt: skip
            break
        chain.append(n)
    return chain


def _linked(gap: Sequence[str], *, allowed: frozenset[str]) -> bool:
    """ "corretores em cada +", "motorista e": a role, then words that join another."""
    return (
        1 < len(gap) <= MAX_LINK
        and gap[0].startswith(CREW)
        and bool(JOINS & set(gap))
        and all(w in allowed for w in gap[1:])
    )
