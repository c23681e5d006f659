"""People counted by parts the message adds up: shifts ("3 de manhã e 3 à tarde" → 6, "duas
no turno da manhã e uma à tarde" → 3), teams that take turns ("12 enfermeiros por noite, em 2
equipes que revezam" → 24), other groups ("3 no whats e outras 2 no insta" → 5, "os 25
motoristas e mais 3 pessoas no escritório" → 28) and people besides a team per unit ("4 lojas
com 2 no caixa em cada, fora eu e meu sócio" → 10)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pyloto_corp.domain.language import teams
from pyloto_corp.domain.language.amounts import is_phone, money
from pyloto_corp.domain.language.numbers import Number, numbers
from pyloto_corp.domain.language.people_lists import listed
from pyloto_corp.domain.language.people_words import NEGATION, PERSON, USE
from pyloto_corp.domain.language.team_units import stem
from pyloto_corp.domain.language.users_revised import SERVED, clock, people_figures
from pyloto_corp.domain.language.users_units import placed, unit_turns, with_joined

SHIFTS = frozenset(("manha", "tarde", "noite", "madrugada", "dia"))
# "de manhã", "à tarde", "pela manhã", "no turno da manhã", "na parte da tarde"
SHIFT_LEADS = (("de",), ("a",), ("pela",), ("pelo",), ("durante", "a"), ("no", "turno", "da"),
               ("no", "turno", "do"), ("na", "parte", "da"), ("no", "periodo", "da"),
               ("do", "turno", "da"))  # fmt: skip
JOINS = frozenset(("e", "mais", "outros", "outras", "uns", "umas", "so"))
TURNS = ("equipe", "turma", "turno", "escala", "plantao", "plantoes", "time")
BESIDES = frozenset(("fora", "alem"))
ACCESS = frozenset(("acesso", "use", "usar", "acesse", "acessar", "login", "usuario", "conta",
                    "mexa", "mexer", "utilize", "usa", "acessa"))  # fmt: skip
SHIFT_GAP = 3  # the words that may join one shift's people to the next ("e mais", "e uns")
LINK = 8  # "e o pessoal do RH, que são 2": how far before the size the group is joined
NEAR_TURNS = 5  # "por noite, em 2 equipes": how far the teams that take turns are said


def summed_users(words: Sequence[str]) -> int | None:
    """The people added up from shifts, turns, other groups or besides a team per unit."""
    each = _each(words) if "cada" in words else None  # before the lists: "cada um com 2, mais eu"
    sized = _sized_group(words) or _each_one(words)
    return _shifts(words) or _turns(words) or _others(words) or sized or _besides_units(words) or (
        placed(words) or each)  # fmt: skip


def _shift_end(words: Sequence[str], n: Number) -> int | None:
    """Where "3 de manhã", "duas pessoas no turno da manhã" ends; None for no shift."""
    if clock(words, n) or words[n.start - 1 : n.start] in (["as"], ["das"]):
        return None  # "das 3 da tarde", "dia 9 de manhã": a time
    j = _place(words, n.end + (n.end < len(words) and words[n.end].startswith(PERSON)))
    for lead in SHIFT_LEADS:
        shift = j + len(lead)
        if tuple(words[j:shift]) == lead and words[shift : shift + 1] and words[shift] in SHIFTS:
            return _place(words, shift + 1)  # "3 de dia no caixa e 2 à noite"
    return None


def _place(words: Sequence[str], j: int) -> int:
    """Past where the people of a shift work ("no caixa", "na cozinha"), not a shift."""
    place = words[j + 1 : j + 2]
    if words[j : j + 1] in (["no"], ["na"]) and place and place[0].isalpha():
        return j + 2 if place[0] not in SHIFTS and place[0] not in ("turno", "parte") else j
    return j


def _shifts(words: Sequence[str]) -> int | None:
    """The people of each shift, when two or more shifts follow one another."""
    total, count, last = 0, 0, None
    for n in numbers(words):
        end = _shift_end(words, n)
        if end is None:
            continue
        if last is not None and (
            n.start - last > SHIFT_GAP or not set(words[last : n.start]) <= JOINS
        ):
            return None  # shifts said apart: not one team
        total, count, last = total + n.value, count + 1, end
    return total if count > 1 else None


def _turns(words: Sequence[str]) -> int | None:
    """ "12 enfermeiros por noite, em 2 equipes que revezam" → 24."""
    found = people_figures(words)
    for a, b in pairwise(found):
        at = a.end + (words[a.end : a.end + 1] != ["por"])  # "12 por noite", "12 enfermeiros por"
        per = words[at : at + 2]
        taking = words[b.end : b.end + 1] and words[b.end].startswith(TURNS)
        shift = per[1:] and per[1] in SHIFTS | {"turno", "plantao"}
        if per[:1] == ["por"] and shift and taking and b.start - at <= NEAR_TURNS:
            return unit_turns(words, a, b)  # "cada loja tem 2 por turno e são 2 turnos"
    return None


def _others(words: Sequence[str]) -> int | None:
    """ "3 pessoas atendendo no whats e outras 2 no insta", "os 25 motoristas ... e mais 3
    pessoas no escritório": a group of people, then others added to it."""
    found = people_figures(words)
    first = next((n for n in found if words[n.end : n.end + 1] and
                  words[n.end].startswith(PERSON)), None)  # fmt: skip
    if first is None or words[first.start - 1 : first.start] in (["somos"], ["sao"]):
        return None
    for n in found:
        before = words[n.start - 2 : n.start]
        noun = words[n.end : n.end + 1]
        other = before[-1:] in (["outras"], ["outros"])
        more = (
            before == ["e", "mais"]
            and bool(noun)
            and (noun[0].startswith(PERSON) or (_placed_at(words, n.end)))
        )  # "e mais 2 no escritório"
        each = {"cada", "por"} & set(words[first.end : n.start])  # per unit: ``teams`` reads it
        if n.start > first.end and (other or more) and n.start - first.end <= 14 and not each:
            denied = NEGATION & set(words[first.end : n.start])  # "mas eles não vão usar"
            return None if denied else first.value + n.value
    return None


def _sized_group(words: Sequence[str]) -> int | None:
    """ "são 80 funcionários que vão bater ponto, e o RH (2 pessoas) vai ver os relatórios" →
    82: a group with its size added to people said by their use (not "somos 10, e o
    financeiro, que são 3, vai usar": a part of the ten)."""
    found = people_figures(words)
    first = next((n for n in found if words[n.end : n.end + 1] and
                  words[n.end].startswith(PERSON)), None)  # fmt: skip
    if first is not None and words[first.end].startswith(SERVED):
        return None  # "600 alunos, mas quem manda mensagem é a secretaria (2 pessoas)"
    for n in found if first is not None else ():
        if n.start <= first.end or words[n.start - 2 : n.start] not in (
            ["que", "sao"],
            ["q", "sao"],
        ):
            continue
        links = [k for k in range(max(first.end, n.start - LINK), n.start) if words[k] == "e"]
        between = words[first.end + 1 : links[-1]] if links else []
        used = bool((USE | {"vao", "vai"}) & set(between))  # "que vão bater ponto"
        used = used and "quem" not in between  # "quem vai responder é a secretaria"
        if used and listed(words[links[-1] :])[0] == n.value:
            return first.value + n.value
    return None


def _each_one(words: Sequence[str]) -> int | None:
    """ "uma cooperativa de 60 produtores... que cada produtor tenha acesso, além de nós 4 da
    administração" → 64: each of the people counted uses it, and those added besides."""
    found = _figures(words)
    for i, word in enumerate(words[:-1]):
        kind = stem(words[i + 1])
        n = next((n for n in found if n.end < i and stem(words[n.end]) == kind), None)
        said = words[i + 2 : i + 2 + NEAR_TURNS]  # "tenha acesso", not "2 secretárias que"
        if word != "cada" or n is None or not ACCESS & set(said) or any(f.start in range(
                i, i + 2 + NEAR_TURNS) for f in found):  # fmt: skip
            continue
        at = next((j for j in range(i, len(words)) if words[j] in BESIDES), None)
        skip = 1 + (words[at + 1 : at + 2] == ["de"]) if at is not None else 0  # "além de"
        return n.value + (listed(words[at + skip :])[0] if at is not None else 0)
    return None


def _figures(words: Sequence[str]) -> list[Number]:
    """The figures ``teams`` reads teams per unit from: no money, phone nor "um"."""
    return [n for n in numbers(words) if not money(words, n) and not is_phone(words, n)
            and words[n.start] not in ("um", "uma")]  # fmt: skip


def _each(words: Sequence[str]) -> int | None:
    """ "são 5 salões, cada um com 2 recepcionistas, mais eu" → 11."""
    return with_joined(words, _figures(words))


def _besides_units(words: Sequence[str]) -> int | None:
    """A team per unit, plus the people listed after "fora"/"além de": "2 farmácias com 3
    balconistas em cada, fora eu e minha esposa" → 8."""
    at = next((i for i, w in enumerate(words) if w in BESIDES), None)
    if at is None:
        return None
    per_unit = teams.multiplied(list(words[:at]), _figures(words[:at]))
    skip = 1 + (words[at + 1 : at + 2] == ["de"])  # "além de mim"
    added = listed(words[at + skip :])[0]
    return per_unit + added if per_unit and added else None


def _placed_at(words: Sequence[str], end: int) -> bool:
    """ "2 no escritório", "3 na recepção": people by where they work, not a time."""
    place = words[end + 1] if end + 1 < len(words) else ""
    return words[end] in ("no", "na", "nos", "nas") and place.isalpha() and place not in SHIFTS
