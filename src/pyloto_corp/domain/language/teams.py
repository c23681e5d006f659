"""Teams counted the way people describe them: per unit ("cada loja tem 5, são 3 lojas",
"2 por turno, 3 turnos", "dois turnos de 6"), in dozens, or growing ("no começo 5, depois
uns 20")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pyloto_corp.domain.language.amounts import PEOPLE
from pyloto_corp.domain.language.budgets import COUNTED
from pyloto_corp.domain.language.numbers import Number

STEM = 4  # "loja" / "lojas", "filial" / "filiais", "turno" / "turnos"
EACH = frozenset(("cada", "por"))
NEAR = 4
GROWING = frozenset(("expandir", "aumentar", "crescer", "chegar", "ampliar"))
LATER = frozenset(("depois", "ate"))  # "no começo 5, depois uns 20": only in an answer
TIMES = frozenset(("dia", "dias", "semana", "semanas", "mes", "meses", "noite", "noites", "hora",
                   "horas", "ano", "anos", "fds", "fim", "final", "madrugada", "manha", "tarde",
                   "favor", "cento", "exemplo"))  # fmt: skip
LINKS = frozenset(("de", "com"))


def _stem(word: str) -> str:
    return word[:STEM]


def _unit_after(words: Sequence[str], at: int) -> str | None:
    """The unit named right after ``at`` ("lojas", "turnos"), never people nor a period."""
    if at >= len(words):
        return None
    word = words[at]
    if not word.isalpha() or len(word) < STEM or word.startswith(PEOPLE) or word in TIMES:
        return None
    return _stem(word)


def multiplied(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """People per unit times the units: "cada loja tem 5, são 3 lojas" → 15."""
    for i, word in enumerate(words):
        unit = _unit_after(words, i + 1) if word in EACH else None
        if unit is None:
            continue
        per = _per_unit(words, found, i)
        units = next((n for n in found if n is not per and _unit_after(words, n.end) == unit),
                     None)  # fmt: skip
        if per is not None and units is not None:
            return per.value * units.value
    return _units_of(words, found)


def _per_unit(words: Sequence[str], found: Sequence[Number], at: int) -> Number | None:
    """ "2 por turno", "1 pessoa por filial" (before); "cada loja tem 5" (after)."""
    before = [n for n in found if 0 < at - n.end + 1 <= NEAR - 1 and _people(words, n)]
    after = [n for n in found if 0 < n.start - (at + 1) <= NEAR and _people(words, n)]
    if words[at] == "cada" and after:
        return after[0]
    return before[-1] if before else None


def _people(words: Sequence[str], n: Number) -> bool:
    """The figure counts people, or nothing named ("cada loja tem 5"), not "50 entregas"."""
    following = words[n.end : n.end + 1]
    return not following or not following[0].startswith(COUNTED)


def _units_of(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "dois turnos de 6 atendentes", "3 lojas com 2 vendedoras cada" → 12, 6."""
    for a, b in pairwise(found):
        link = words[a.end + 1 : a.end + 2]
        people = words[b.end : b.end + 1]
        if b.start == a.end + 2 and _unit_after(words, a.end) and link and link[0] in LINKS and (
                people and people[0].startswith(PEOPLE)):  # fmt: skip
            return a.value * b.value
    return None


def dozens(words: Sequence[str], n: Number) -> int:
    """ "umas duas dúzias" → 24."""
    return n.value * 12 if words[n.end : n.end + 1] in (["duzia"], ["duzias"]) else n.value


def grown(words: Sequence[str], found: Sequence[Number], *, answer: bool) -> int | None:
    """ "no começo 5, depois uns 20", "3 primeiro e depois expandir pra 10": the most."""
    cues = GROWING | LATER if answer else GROWING
    for a, b in pairwise(found):
        if cues & set(words[a.end : b.start]) and b.value > a.value:
            return max(n.value for n in found)
    return None
