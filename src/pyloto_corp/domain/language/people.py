"""How many people will use it: "12 funcionários", "somos 6", "5 vão usar", "3 sócios e 6
vendedores", "eu, meu sócio e 3 funcionários"; in an answer, the figure itself."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language import teams
from pyloto_corp.domain.language.amounts import (
    PEOPLE,
    is_phone,
    money,
    people_after,
    period_after,
    upper_of,
)
from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.numbers import Number, number_words, numbers
from pyloto_corp.domain.language.people_me import nobody_uses, people_listed
from pyloto_corp.domain.language.people_names import named_people
from pyloto_corp.domain.language.people_words import in_a_team, may_count, no_people
from pyloto_corp.domain.language.users_clause import (
    answered_users,
    clause_users,
    concluded_users,
)
from pyloto_corp.domain.language.users_opening import opening_total, total_of_parts
from pyloto_corp.domain.language.users_revised import clock, thing_after
from pyloto_corp.domain.language.users_said import a_thing, added_single, decided
from pyloto_corp.domain.language.users_units import with_joined

USING = frozenset(("usar", "usando", "usariam", "usam", "mexer", "acessar", "utilizar", "usaria",
                   "mexendo", "utilizando", "acessando", "usarem", "usarao", "usado", "usada",
                   "usados", "usadas", "usara"))  # fmt: skip
GROUP_GAP = 3
ME = {"euzinha": "eu", "euzinho": "eu"}
ALONE = frozenset(("sozinho", "sozinha"))
MAX_FIGURE = 10_000_000


def user_count(text: str, *, answer: bool = False) -> int | None:
    words = [ME.get(w, w) for w in number_words(text)]
    words = [w for i, w in enumerate(words) if words[i - 1 : i] != ["qualquer"]]  # "qualquer um"
    if nobody_uses(words) or not (answer or may_count(words, bool(numbers(words)))):
        return None  # "somos 10 mas nenhum de nós vai usar"; said in passing, no figure
    if (chosen := decided(words)) is not None:
        return chosen  # "vinte e poucos... coloca 25"
    if answer and ALONE & set(words) and not numbers(words):
        return 1  # "atendo sozinho", "só euzinha mesmo"
    if answer and (opening := named_people(text) or opening_total(text)) is not None:
        return opening  # "Ana, Bruno e eu"; "4 pessoas, eu, os 2 dentistas e a secretaria"
    found = _figures(words, answer=answer)
    found = [Number(n.start, n.end, teams.dozens(words, n)) for n in found]
    if (whole := total_of_parts(found)) is not None:
        return whole  # "somos 12, sendo 5 advogados, 4 estagiários e 3 no administrativo"
    team = teams.stated(found, words) or concluded_users(text)  # "usuários são 14", "então 6"
    team = team or (answered_users(text) if answer else None) or clause_users(text)
    team = team if team is not None else _with_listed(found, words)
    if team is None:
        team = with_joined(words, found) or teams.grown(words, found, answer=answer)
    if team is None and answer:
        team = teams.lead(found, words) or teams.only_one(words, found)  # "uns 6, mas...", "só a X"
    return team if team is not None else _counted(found, words, answer=answer)


def corrected_count(text: str) -> int | None:
    """ "7... ah não, 8 com o estagiário", "10. quer dizer, 12": the figure opening the
    correction is the count (what follows it explains it)."""
    fixed = self_corrected(text)
    tail = number_words(fixed[1]) if fixed else []
    found = numbers(tail)
    if not found or found[0].start != 0 or not numbers(number_words(fixed[0])):
        return None
    gap = tail[found[0].end : found[1].start] if len(found) > 1 else []
    if len(gap) <= GROUP_GAP + 1 and {"e", "+", "mais"} & set(gap):  # "5 de manhã e 4 à noite"
        return user_count(fixed[1], answer=True)
    return upper_of(list(found), tail, 0).value


def _figures(words: Sequence[str], *, answer: bool) -> list[Number]:
    """The figures that may count people: no money, phone, "um sistema" nor "3 ou 4 mil"."""
    every = numbers(words)
    found = [
        n
        for k, n in enumerate(every)
        if not money(words, n)
        and not is_phone(words, n)
        and not no_people(words, n)
        and not a_thing(words, n)
        and (answer or n.value != 1 or words[n.start] not in ("um", "uma"))
        and (answer or words[n.end - 1] not in ("mil", "k") or people_after(words, n.end))
        and not _money_range(words, n, every[k + 1 : k + 2], answer=answer)
    ]
    if answer and any(words[n.start] not in ("um", "uma") for n in found):
        found = [n for n in found if words[n.start] not in ("um", "uma")]  # "uma gurizada, uns 30"
    return found


def _money_range(
    words: Sequence[str], n: Number, following: Sequence[Number], *, answer: bool
) -> bool:
    """ "uns 3 ou 4 mil de orçamento": the lower end of a sum of money."""
    upper = following[0] if following else None
    if upper is None or upper.start != n.end + 1 or words[n.end] not in ("ou", "a", "e", "-"):
        return False
    scaled = words[upper.end - 1] in ("mil", "k") and not answer
    return (money(words, upper) or scaled) and not people_after(words, upper.end)


def _counted(found: list[Number], words: Sequence[str], *, answer: bool) -> int | None:
    """The figure said to use it, the groups of people named, "somos 6", or in an answer the
    first figure that is no volume."""
    groups = _groups(found, words)
    used = teams.nearest_use(words, found, USING)  # "5 vão usar", "vai usar umas 6 pessoas"
    if used is not None:
        n, upper = found[used], upper_of(found, words, used)
        if groups and groups[1] <= n.start < groups[2]:  # "4 sócios e 20 funcionários"
            return min(groups[0], MAX_FIGURE)
        return min(
            upper.value + _and_me(words, upper.end) + added_single(words, upper.end), MAX_FIGURE
        )
    if groups:
        return min(groups[0], MAX_FIGURE)
    said = next((upper_of(found, words, i) for i, n in enumerate(found)
                 if _we_are(words, n.start)), None)  # fmt: skip
    if said is not None or not answer:
        return said.value if said else None
    usable = [i for i, n in enumerate(found)
              if not period_after(words, n.end) and not thing_after(words, n)
              and not _customers(words, n.start, n.end)]  # fmt: skip
    upper = upper_of(found, words, usable[0]) if usable else None
    return upper.value + _and_me(words, upper.end) if upper else None  # "3 e mais eu"


def _groups(found: list[Number], words: Sequence[str]) -> tuple[int, int, int] | None:
    """ "3 sócios e 6 vendedores" → 9; "6 garçons e eu" → 7; "12 funcionários" → 12; with
    where the groups start and end in ``words``."""
    total, first, last, i = 0, None, None, 0
    while i < len(found):
        upper = upper_of(found, words, i)
        start, i = found[i].start, found.index(upper) + 1
        described = words[max(0, start - 2) : start] == ["que", "sao"]  # "o financeiro, que são 3"
        if not (people_after(words, upper.end) or in_a_team(words, upper.end) or described):
            continue
        if clock(words, found[i - 1]):
            continue  # "me liga depois das 3 da tarde": a time
        if _customers(words, start, upper.end):
            continue  # "temos 420 alunos": who is served, not who uses it
        if last is not None and start - last > GROUP_GAP:
            break
        first = start if first is None else first
        total, last = total + upper.value, upper.end + 1
    if not total or first is None or last is None:
        return None
    singles = teams.singles(words, last - 1)  # "3 dentistas e a gerente"
    return total + singles + _and_me(words, last), first, last + 3 * singles


def _with_listed(found: list[Number], words: Sequence[str]) -> int | None:
    """ "eu e minha esposa" (2), plus the groups named before it ("12 motoristas + ...")."""
    team = people_listed(words)
    me = next((i for i, w in enumerate(words) if w in ("eu", "mim")), len(words))
    before = [n for n in found if n.end <= me]
    apart = bool({"mas", "so", "somente", "apenas"} & set(words[before[-1].end : me])) if (
        before) else True  # "400 membros, mas quem vai mexer é só eu e a irmã"  # fmt: skip
    others = 0 if apart else sum(n.value for n in before if people_after(words, n.end))
    return team + others if team is not None else None


def _customers(words: Sequence[str], start: int, end: int) -> bool:
    """Students, members, patients counted as the business's public ("atendemos 300 alunos"),
    unless the system is for them ("um app para 300 alunos")."""
    served = words[end : end + 1] and words[end].startswith(
        ("alun", "membro", "cliente", "pacient")
    )
    return bool(served) and words[start - 1 : start] not in (["para"], ["pra"], ["pros"], ["pras"])


def _and_me(words: Sequence[str], end: int | None) -> int:
    """ "6 garçons e eu", "... fora eu que sou o dono": the writer counts too."""
    following = list(words[end : end + 7]) if end is not None else []
    pairs = [following[i : i + 2] for i in range(len(following) - 1)]
    return 1 if any(p in (["e", "eu"], ["fora", "eu"], ["mais", "eu"], ["+", "eu"], ["por", "mim"],
                          ["e", "mim"], ["sem", "contar"]) for p in pairs) else 0  # fmt: skip


def _we_are(words: Sequence[str], start: int) -> bool:
    """ "somos 6", "somos em 3", "a gente é em 5", "a equipe é pequena, uns vinte",
    "os frentistas, são uns 25"."""
    before = [w for w in words[max(0, start - 4) : start] if w not in ("em", "uns", "umas", "so",
                                                                       "nos")]  # fmt: skip
    if before[-1:] in (["somos"], ["seriamos"], ["seremos"]) or before[-2:] == ["gente", "e"]:
        return True
    if "equipe" in words[max(0, start - 5) : start]:
        return True
    earlier = words[max(0, start - 6) : start]
    return before[-1:] == ["sao"] and any(w.startswith(PEOPLE) for w in earlier)
