"""A figure the message itself revises: some of the people said do not use it ("somos 15, mas
os 6 motoboys não vão usar" → 9, "tirando os 5 do estoque", "menos o pessoal da produção, que
são 28"), only some do ("30 funcionários, mas no sistema uns 6 ou 7" → 7), the team grows to a
figure said ("hoje somos 6, mas a equipe nova vai ser de 15" → 15, "hoje sou eu sozinho, vou
contratar 2" → 3) or a figure is doubted upwards ("uns 3, talvez 4" → 4)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pyloto_corp.domain.language.amounts import is_phone, money, upper_of
from pyloto_corp.domain.language.budgets import COUNTED
from pyloto_corp.domain.language.numbers import Number, numbers
from pyloto_corp.domain.language.people_words import (
    FUTURE,
    NEGATION,
    NOW,
    ONLY,
    PERSON,
    THINGS,
    USE,
)
from pyloto_corp.domain.language.users_excluded import excluded_users
from pyloto_corp.domain.language.users_said import hired_one

EXCEPT = frozenset(("tirando", "menos", "exceto", "excluindo", "descontando", "tirante"))
TOTAL_BEFORE = frozenset(("somos", "sao", "seremos", "seriamos", "dos", "das", "temos", "tem"))
SKIP = frozenset(("uns", "umas", "acho", "que", "q", "tipo", "so", "somente", "apenas", "mais"))
REST = frozenset(("resto", "restante", "demais", "outros", "outras"))
CLOCK = frozenset(
    ("as", "das", "dia", "abre", "fecha")
)  # "às 3", "das 3 da tarde", "dia 9 de manhã"
HOURS = frozenset(("h", "hr", "hrs", "hs", "horas", "da", "e", "ou", "pra", "ate"))
SERVED = ("alun", "membro", "cliente", "pacient", "leito", "morador")
# "só eu, depois quero colocar minhas 2 funcionárias": people who join the writer
JOINING = frozenset(("colocar", "botar", "incluir", "adicionar", "depois", "cadastrar"))
WINDOW = 8  # how far an exclusion ("tirando", "não vão usar") is looked for around a figure
NEAR = 4  # how far before a figure its cue ("vai ser de", "contratar", "talvez") is looked for


def people_figures(words: Sequence[str]) -> list[Number]:
    """The figures that may count people: no money, phone, clock time nor "2 lojas"."""
    return [
        n for n in numbers(words)
        if not money(words, n) and not is_phone(words, n) and words[n.start] not in ("um", "uma")
        and not clock(words, n) and not thing_after(words, n)
    ]  # fmt: skip


def clock(words: Sequence[str], n: Number) -> bool:
    """ "às 3", "das 3 da tarde", "dia 9": a time or a day, not "as 2 tosadoras"."""
    before = words[n.start - 1] if n.start else ""
    after = words[n.end] if n.end < len(words) else ""
    if after.startswith(PERSON):
        return False  # "umas 100 por dia, 3 pessoas atendem"
    return before == "dia" or (before in CLOCK and (after in HOURS or not after))


def thing_after(words: Sequence[str], n: Number) -> bool:
    """ "3 lojas", "2 mil cabeças": the figure counts things."""
    noun = words[n.end] if n.end < len(words) else ""
    return not noun.startswith(PERSON) and (noun.startswith(COUNTED) or noun in THINGS)


def counts_people(words: Sequence[str], n: Number) -> bool:
    """ "15 funcionários", "somos 15", "dos 30 colaboradores", "a gente é em 5"."""
    noun = words[n.end] if n.end < len(words) else ""
    before = [w for w in words[max(0, n.start - 3) : n.start] if w not in ("uns", "umas", "em")]
    if noun.startswith(SERVED):
        return False  # "650 alunos": who is served, not who works there
    return noun.startswith(PERSON) or before[-1:] in [[w] for w in TOTAL_BEFORE] or (
        before[-2:] == ["gente", "e"])  # fmt: skip


def revised_users(words: Sequence[str]) -> int | None:
    """The people who use it after the message revises its figure, or None."""
    found = people_figures(words)
    kept = excluded_users(words, found) or _kept(words, found)
    return kept or _grown(words, found) or hired_one(words, found)


def _kept(words: Sequence[str], found: list[Number]) -> int | None:
    """A total, then the part of it that does not use it (subtracted) or the only part that
    does ("dos 20 funcionários só 5 ficam no computador")."""
    for t, total in enumerate(found):
        if not counts_people(words, total):
            continue
        rest = found[t + 1 :]
        for e, part in enumerate(rest):
            if part.value >= total.value or any(counts_people(words, n) for n in rest[:e]):
                continue
            if _excluded(words, total, part):
                return total.value - part.value
            upper = upper_of(rest, words, e)
            if _only_part(words, total, part) and _alone(words, upper, rest[-1]):
                return upper.value
        return None
    return None


def _excluded(words: Sequence[str], total: Number, part: Number) -> bool:
    """ "tirando os 5", "menos o pessoal da produção, que são 28", "os 6 motoboys não vão
    usar", "os motoboys não vão mexer, que são 6"."""
    cues = [i for i in range(total.end, part.start) if words[i] in EXCEPT]
    if (
        cues
        and part.start - cues[-1] <= WINDOW
        and words[cues[-1] - 2 : cues[-1]] != ["mais", "ou"]
    ):
        return True
    if ["sem", "contar"] in [list(words[i : i + 2]) for i in range(total.end, part.start)]:
        return True
    after = words[part.end : part.end + WINDOW]
    denied = next((i for i, w in enumerate(after) if w in NEGATION), None)
    kept = (REST | USE) & set(after[:denied]) if denied is not None else True  # "vão usar, eu não"
    if denied is not None and not kept and not _said_only(words, part):
        return not any(w[0].isdigit() for w in after[:denied])
    described = words[part.start - 2 : part.start] in (["que", "sao"], ["q", "sao"])
    between = set(words[total.end : part.start])
    bare = words[part.start - 1 : part.start] == ["sao"] and bool(USE & between)  # ", são 5"
    return (described or bare) and bool(NEGATION & between)


def _said_only(words: Sequence[str], part: Number) -> bool:
    before = [w for w in words[max(0, part.start - 3) : part.start] if w not in ("uns", "umas")]
    return bool(before) and before[-1] in ONLY


def _alone(words: Sequence[str], upper: Number, last: Number) -> bool:
    """The part is the whole list of users: not "só os 6 supervisores e por mim", not "10 no
    escritório + 8 vendedores", not "eu, mais 2 do financeiro e os 9 engenheiros"."""
    around = words[max(0, upper.start - 4) : upper.end + 6]
    return upper is last and not {"eu", "mim", "+"} & set(around)


def _only_part(words: Sequence[str], total: Number, part: Number) -> bool:
    """ "só 5", "mas no sistema acho que uns 3 ou 4": the people among the total who use it."""
    between = words[total.end : part.start]
    if _said_only(words, part):
        return True
    contrast = "mas" in between and bool((USE | {"sistema", "app"}) & set(between))
    return contrast and not NEGATION & set(between)


def _grown(words: Sequence[str], found: list[Number]) -> int | None:
    """ "hoje 3, em abril contratamos mais 2" → 5; "hoje somos 6, mas a equipe nova vai ser de
    15" → 15; "uns 3, talvez 4" → 4; "hoje sou eu sozinho, vou contratar 2" → 3."""
    for a, b in pairwise(found):
        near = words[max(a.end, b.start - NEAR) : b.start]
        if any(w.startswith("contrat") for w in near) or (near[-1:] == ["mais"] and (
                {"entra", "entram", "chegam", "chega"} & set(near))):  # fmt: skip
            return _with_me(words, a) + b.value  # "eu e mais 2, em janeiro entram mais 2"
        if b.value <= a.value:
            continue
        now = NOW & set(words[: b.start]) or "mas" in words[a.end : b.start]
        if (now and FUTURE & set(near)) or [w for w in near if w not in SKIP][-1:] == ["talvez"]:
            return upper_of(found, words, found.index(b)).value
    return _joining(words, found)


def _joining(words: Sequence[str], found: list[Number]) -> int | None:
    """ "hoje sou eu sozinho, vou contratar 2" → 3, "só eu, depois quero colocar minhas 2
    funcionárias" → 3: the writer alone now, and the people said to join."""
    alone = {"sozinho", "sozinha"} & set(words) or ["so", "eu"] in list(map(list, pairwise(words)))
    for n in found if alone else []:
        hire = words[max(0, n.start - NEAR) : n.start]
        joining = any(w.startswith("contrat") or w in JOINING for w in hire)  # "depois colocar"
        if joining and not NEGATION & set(words[n.end : n.end + WINDOW]):
            return 1 + n.value
    return None


def _with_me(words: Sequence[str], n: Number) -> int:
    """ "eu e mais duas cabeleireiras" → 3: the figure and the writer said before it."""
    before = list(words[max(0, n.start - 3) : n.start])
    me = "eu" in before and set(before[before.index("eu") + 1 :]) <= {"e", "mais", "+"}
    return n.value + me
