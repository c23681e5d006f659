"""Teams counted the way people describe them: per unit ("cada loja tem 5, são 3 lojas",
"2 por turno, 3 turnos", "dois turnos de 6"), in dozens, or growing ("no começo 5, depois
uns 20")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pyloto_corp.domain.language.amounts import PEOPLE, upper_of
from pyloto_corp.domain.language.budgets import COUNTED
from pyloto_corp.domain.language.numbers import Number
from pyloto_corp.domain.language.team_units import crew, unit_after, units_of

ROLES = ("estoquista", "coordenac", "patr", "capataz", "dona", "dono", "chefe", "diretor")
EACH = frozenset(("cada", "por"))
NEAR = 4
GROWING = frozenset(("expandir", "aumentar", "crescer", "chegar", "ampliar", "devemos", "esperamos",
                     "espera", "seremos"))  # fmt: skip
LATER = frozenset(("depois", "ate", "talvez"))  # "no começo 5, depois uns 20": in an answer
HIRING = frozenset(("contratar", "contratando", "entrar", "entram", "chegam", "chegar"))
LINKS = frozenset(("de", "com"))
GROUPS = frozenset(("pessoal", "gente"))  # "o pessoal do administrativo": who, not one more
COMPLEMENT = frozenset(("no", "na", "nos", "nas"))  # "4 lojas com 2 no caixa em cada"
BESIDES = 14  # how far after "cada loja" the people added to the product are looked for


def multiplied(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """People per unit times the units: "cada loja tem 5, são 3 lojas" → 15."""
    for i, word in enumerate(words):
        unit = unit_after(words, i + 1) if word in EACH else None
        if word == "cada" and words[i + 1 : i + 2] in (["um"], ["uma"]):  # "6 unidades e cada uma"
            unit = next((unit_after(words, n.end) for n in reversed(found) if n.end <= i), None)
        if unit is None:
            continue
        per = _per_unit(words, found, i, unit)
        units = units_of(words, found, unit, per) if per is not None else None
        if per is not None and units is not None:
            most = upper_of(list(found), words, list(found).index(per))  # "uns 10 a 12"
            team = crew(words, found, per, most)  # "1 motorista e 1 monitora" in each
            return sum(n.value for n in team) * units + _besides(words, found, i, (per, *team))
    return _units_of(words, found)


def _besides(words: Sequence[str], found: Sequence[Number], at: int, used: tuple) -> int:
    """People added after the units: "1 gerente por posto e 3 pessoas na matriz", "cada loja
    teria 1 atendente e a central mais 4", "em cada um 2 pessoas..., mais eu"."""
    for j in range(at + 2, min(len(words), at + BESIDES)):
        if words[j] not in ("e", "mais") or j + 1 >= len(words):
            continue
        if words[j + 1] == "eu":
            return 1
        n = next((n for n in found if n.start == j + 1 and n not in used), None)
        if n is not None and _more_people(words, n):
            return n.value
    return 0


def _more_people(words: Sequence[str], n: Number) -> bool:
    """ "3 pessoas", or a figure that names nothing else ("mais 4"), never "2 filiais"."""
    named = words[n.end : n.end + 1]
    return bool(named and named[0].startswith(PEOPLE)) or (
        _people(words, n) and unit_after(words, n.end) is None
    )


def _per_unit(words: Sequence[str], found: Sequence[Number], at: int, unit: str) -> Number | None:
    """ "2 por turno", "1 pessoa por filial", "dois em cada turno" (before); "cada loja tem 5"
    (after); never the units themselves ("3 turnos, cada turno tem 2")."""
    before = [n for n in found if 0 < at - n.end + 1 <= NEAR - 1 and _people(words, n)
              and unit_after(words, n.end) != unit]  # fmt: skip
    after = [n for n in found if 0 < n.start - (at + 1) <= NEAR and _people(words, n)]
    if words[at] == "cada" and after and not (before and at - before[-1].end <= 1):
        return after[0]
    return before[-1] if before else None


def _people(words: Sequence[str], n: Number) -> bool:
    """The figure counts people, or nothing named ("cada loja tem 5"), not "50 entregas"."""
    following = words[n.end : n.end + 1]  # "motoristas" are people, "motos" are not
    return not following or following[0].startswith(PEOPLE) or not following[0].startswith(COUNTED)


def _units_of(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "dois turnos de 6 atendentes", "3 lojas com 2 vendedoras cada" → 12, 6."""
    for a, b in pairwise(found):
        link = words[a.end + 1 : a.end + 2]
        people = words[b.end : b.end + 1]
        if b.start == a.end + 2 and unit_after(words, a.end) and link and link[0] in LINKS and (
                not people or people[0].startswith(PEOPLE) or people[0] in COMPLEMENT):  # fmt: skip
            return a.value * b.value
    return None


def dozens(words: Sequence[str], n: Number) -> int:
    """ "umas duas dúzias" → 24; "metade dos 40 funcionários" → 20."""
    if words[max(0, n.start - 2) : n.start] in (["metade", "dos"], ["metade", "das"]):
        return n.value // 2
    return n.value * 12 if words[n.end : n.end + 1] in (["duzia"], ["duzias"]) else n.value


def only_one(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "só a minha filha vai mexer", "só a recepcionista": one person."""
    for i, word in enumerate(words):
        if word not in ("so", "somente", "apenas") or (found and i == 0 and len(words) > 4):
            continue
        rest = [w for w in words[i + 1 : i + 5] if w not in ("a", "o", "minha", "meu")]
        single = bool(rest) and rest[0].startswith(PEOPLE) and not rest[0].endswith("s")
        if single and (i == 0 or set(words[i + 1 : i + 7]) & {"vai", "usar", "mexer", "usa"}):
            return (
                1  # "só a minha filha vai mexer", "só a secretária vai usar", "só a recepcionista"
            )
    return None


def grown(words: Sequence[str], found: Sequence[Number], *, answer: bool) -> int | None:
    """ "no começo 5, depois uns 20", "3 primeiro e depois expandir pra 10": the most; "hoje 3,
    vamos contratar mais 2" adds; "uns 10 hoje, mas a ideia é dobrar" doubles."""
    cues = GROWING | LATER if answer else GROWING
    for a, b in pairwise(found):
        between = words[a.end : b.start]
        if HIRING & set(between) and words[b.start - 1 : b.start] == ["mais"]:
            return a.value + b.value
        if cues & set(between) and b.value > a.value:
            return b.value  # "hoje 6 ..., ano que vem a gente espera chegar em 25"
    doubled = found and "dobrar" in words[found[-1].end :]
    return found[-1].value * 2 if doubled and answer else None


def nearest_use(words: Sequence[str], found: Sequence[Number], using: frozenset[str]) -> int | None:
    """The figure closest to a word of use ("só umas 8 pessoas vão usar", "quem vai usar são
    uns 12"), never one that counts things ("50 caminhões")."""
    best: tuple[int, int] | None = None
    for u, word in enumerate(words):
        if word not in using:
            continue
        for i, n in enumerate(found):
            gap = u - n.end if n.end <= u else n.start - u - 1
            if (
                0 <= gap < NEAR + (n.end <= u)
                and _people(words, n)
                and (best is None or gap < best[0])
            ):
                best = (gap, i)
    return best[1] if best else None


def singles(words: Sequence[str], end: int) -> int:
    """People named one by one after a group: "e a gerente", "e o estoquista" → 1 each."""
    count, j = 0, end + 1
    while True:
        link = 1 if words[j : j + 1] in (["e"], ["mais"]) else 0  # ", a coordenadora e eu"
        if words[j + link : j + link + 1] not in (["o"], ["a"]):
            break
        skip = 1 if words[j + link + 1 : j + link + 2] in (["meu"], ["minha"]) else 0
        following = words[j + link + 1 + skip : j + link + 2 + skip]  # "e o meu sócio"
        if not following or not following[0].startswith(PEOPLE + ROLES) or following[0] in GROUPS:
            break
        j += link + 2 + skip
        told = words[j : j + 3]  # "e a coordenação, que são 4"
        count += (
            int(told[2]) if told[:2] == ["que", "sao"] and told[2:3] and told[2].isdigit() else 1
        )
    return count


def stated(found: list[Number], words: Sequence[str]) -> int | None:
    """The total said after the field's own name: "usuários são 14", "pessoas: 8"."""
    for n in found:
        if words[max(0, n.start - 2) : n.start] in (["usuarios", "sao"], ["pessoas", "sao"],
                                                     ["usuarios", "serao"]):  # fmt: skip
            return n.value
    return None


def lead(found: list[Number], words: Sequence[str]) -> int | None:
    """An answer that opens with the figure ("uns 6, mas...", "8 no máximo")."""
    if not found or found[0].start > 1:
        return None
    after = words[found[0].end : found[0].end + 2]
    said = after[:1] in (["mas"], ["so"], ["somente"], ["ne"]) or after == ["no", "maximo"]
    return found[0].value if said else None  # "14 né, 12 motoristas mais nós 2"
