"""One person in each unit or beside each person: "3 farmácias, em cada uma só a
farmacêutica vai mexer" → 3, "4 advogados, cada um com seu estagiário" → 8."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.numbers import Number
from pyloto_corp.domain.language.people_words import NEGATION, PERSON
from pyloto_corp.domain.language.team_units import unit_after, units_of

ONE = (["um"], ["uma"])
ONLY = frozenset(("so", "somente", "apenas"))
SINGLE = frozenset(("o", "a", "um", "uma"))
THEIRS = frozenset(("seu", "sua"))
NEAR = 4  # how far after its figure "cada um com seu ..." is said


def each_one(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """The units or the people counted, when each has one person more (or only one)."""
    for i, word in enumerate(words):
        if word != "cada":
            continue
        counted = one_in_unit(words, found, i) or _paired(words, found, i)
        if counted is not None:
            return counted
    return None


def _single_person(words: Sequence[str], j: int) -> int | None:
    """Where "só o gerente", "a recepcionista" ends, for one person; None otherwise."""
    if j < len(words) and words[j] in ONLY:
        j += 1
    if j >= len(words) or words[j] not in SINGLE:
        return None
    noun = words[j + 1] if j + 1 < len(words) else ""
    single = noun.startswith(PERSON) and not noun.endswith("s")
    return j + 2 if single else None


def one_in_unit(words: Sequence[str], found: Sequence[Number], at: int) -> int | None:
    """ "4 lojas, em cada uma só o gerente vai usar" → 4."""
    if words[at + 1 : at + 2] in ONE:
        before = [n for n in found if n.end <= at and unit_after(words, n.end)]
        unit, j = (unit_after(words, before[-1].end) if before else None), at + 2
    else:
        unit, j = unit_after(words, at + 1), at + 2
    end = _single_person(words, j) if unit else None
    if end is None or NEGATION & set(words[end : end + NEAR]):
        return None
    return units_of(words, found, unit, Number(-1, -1, 0)) if unit else None


def _paired(words: Sequence[str], found: Sequence[Number], at: int) -> int | None:
    """ "5 dentistas, cada um com sua auxiliar" → 10."""
    before = [n for n in found if n.end <= at and at - n.end <= NEAR]
    if not before or words[at + 1 : at + 2] not in ONE or words[at + 2 : at + 4] == []:
        return None
    n, said = before[-1], words[at + 2 : at + 4]
    noun = words[at + 4] if at + 4 < len(words) else ""
    people = words[n.end : n.end + 1] and words[n.end].startswith(PERSON)
    single = noun.startswith(PERSON) and not noun.endswith("s")
    denied = NEGATION & set(words[at + 5 : at + 5 + NEAR])  # "a auxiliar não usa"
    if people and said[0] == "com" and said[1:] and said[1] in THEIRS and single and not denied:
        return 2 * n.value
    return None
