"""People counted by the places and units of a business: each place with its own figure ("na
matriz 5 pessoas e na filial 3" → 8), shifts in every unit ("cada loja tem 2 caixas por turno e
são 2 turnos", 3 lojas → 12) and a group said besides a team per unit ("os professores (12 no
total) ... e a secretaria de cada unidade (1 em cada)", 2 unidades → 14)."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language import teams
from pyloto_corp.domain.language.amounts import money
from pyloto_corp.domain.language.numbers import Number, numbers
from pyloto_corp.domain.language.people_words import GROUPS, NEGATION, PERSON
from pyloto_corp.domain.language.team_units import TIMES, unit_after, units_of
from pyloto_corp.domain.language.users_each import each_one

PLACES = frozenset(("no", "na", "nos", "nas"))
NOT_PLACES = frozenset(("total", "maximo", "minimo", "caso", "momento", "comeco", "inicio",
                        "fim", "final", "turno", "periodo", "parte", "sistema", "app", "rua",
                        "avenida", "av", "travessa", "estrada", "rodovia", "br", "km", "sala",
                        "andar", "bloco", "quadra", "lote", "numero"))  # fmt: skip
SAID = frozenset(("tem", "sao", "ficam", "trabalham", "temos", "ha", "uns", "umas"))
ADDING = frozenset(("mais", "e", "+", "fora", "alem"))
FOLLOWING = ADDING | PLACES  # "na cozinha 2, no salão 4": what may follow a place's figure
FAR = 12  # how far apart a group and the team per unit joined by "e" may be said
NEAR = 4  # how far before the people per shift "cada loja" is said
ADDED = 6  # "mais o escritório central com 3 pessoas": the words up to the figure added
SERVED = ("alun", "membro", "cliente", "pacient", "morador")


def placed(words: Sequence[str]) -> int | None:
    """ "na matriz 5 pessoas e na filial 3" → 8: two or more places, each with its people."""
    found = {n.start: n for n in numbers(words) if not money(words, n)}
    total, parts, i = 0, 0, 0
    while i < len(words):
        end = _place_figure(words, found, i)
        if end is None:
            if parts and words[i] not in ("e", "mais"):
                break  # the places stop
            i += 1
            continue
        total, parts, i = total + end[0], parts + 1, end[1]
    return total if parts > 1 else None


def _place_figure(words: Sequence[str], found: dict[int, Number], i: int) -> tuple | None:
    """ "na filial 3", "no caixa tem 2 pessoas": (people, where it ends)."""
    place = words[i + 1] if i + 1 < len(words) else ""
    if words[i] not in PLACES or not place.isalpha() or place in NOT_PLACES or place in TIMES:
        return None
    j = i + 2 + (words[i + 2 : i + 3] in [[w] for w in SAID])  # "na matriz tem 5"
    n = found.get(j)
    noun = words[n.end] if n is not None and n.end < len(words) else ""
    if n is None or (noun.isalpha() and not noun.startswith(PERSON) and noun not in FOLLOWING):
        return None  # "na loja 2 computadores" is no count of people
    return n.value, n.end + noun.startswith(PERSON)


def unit_turns(words: Sequence[str], per: Number, turns: Number) -> int:
    """How many units have ``per`` people in each of ``turns`` shifts ("cada loja tem 2 caixas
    por turno", 3 lojas → 3), and the people added after ("mais o escritório com 3")."""
    found = [n for n in numbers(words) if not money(words, n)]
    at = next((i for i in range(max(0, per.start - NEAR), per.start) if words[i] == "cada"), None)
    unit = unit_after(words, at + 1) if at is not None else None
    units = units_of(words, [n for n in found if n != turns], unit, per) if unit else None
    team = per.value * turns.value * (units or 1)
    return team + added(words, turns.end + 1) if units else team


def added(words: Sequence[str], end: int) -> int:
    """ "..., mais o escritório central com 3 pessoas", "e mais eu": people added after."""
    for j in range(end, min(len(words), end + 3)):
        if words[j] not in ADDING:
            continue
        if words[j + 1 : j + 2] == ["eu"]:
            return 1
        for n in numbers(words[j + 1 : j + 1 + ADDED]):
            noun = words[j + 1 + n.end : j + 2 + n.end]
            said = words[j + 1 : j + 1 + n.start]
            if noun and noun[0].startswith(PERSON) and (not said or GROUPS & set(said)):
                return n.value
    return 0


def with_joined(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """A team per unit ("a secretaria de cada unidade (1 em cada)", 2 unidades) and a group
    said with it ("os professores (12 no total) lançariam presença e ...")."""
    team = teams.multiplied(words, found) or one_each(words, found) or each_one(words, found)
    at = next((i for i, w in enumerate(words) if w == "cada"), None)
    if team is None or at is None:
        return team
    for n in reversed([n for n in found if n.end < at - NEAR and at - n.end <= FAR]):
        between = words[n.end : at]
        if "e" not in between or NEGATION & set(between) or any(
                m.start in range(n.end, at) for m in found):  # fmt: skip
            continue
        if _group_figure(words, n):
            return team + n.value
    return team


def one_each(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "a recepcionista de cada unidade", "são 3 unidades" → 3: one person in every unit."""
    for i in range(3, len(words) - 1):
        noun = words[i - 2]
        single = noun.startswith(PERSON) and not noun.endswith("s")
        if words[i] == "cada" and words[i - 1] in ("de", "da", "do", "em") and single and (
                words[i - 3] in ("o", "a")):  # fmt: skip
            unit = unit_after(words, i + 1)
            units = units_of(words, found, unit, Number(-1, -1, 0)) if unit else None
            return units
    return None


def _group_figure(words: Sequence[str], n: Number) -> bool:
    """ "12 professores", "os professores (12 no total)": people, not who is served."""
    noun = words[n.end] if n.end < len(words) else ""
    before = words[n.start - 1] if n.start else ""
    if noun.startswith(PERSON):
        return not noun.startswith(SERVED)
    named = before.startswith(PERSON) and not before.startswith(SERVED)
    return named and unit_after(words, n.end) is None  # "os professores (12 no total)"
