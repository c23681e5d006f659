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
from pyloto_corp.domain.language.numbers import Number, number_words, numbers
from pyloto_corp.domain.language.users_clause import (
    answered_users,
    clause_users,
    concluded_users,
)

LISTING = frozenset(("sou", "somos", "usar", "usando", "seria", "seriamos", "so", "somente",
                     "apenas", "usariam", "usaria", "usam"))  # fmt: skip
USING = frozenset(("usar", "usando", "usariam", "usam", "mexer", "acessar", "utilizar", "usaria",
                   "mexendo", "utilizando", "acessando", "usarem", "usarao", "usado", "usada",
                   "usados", "usadas", "usara"))  # fmt: skip
WITH = (["mais"], ["meu"], ["minha"], ["os"], ["as"], ["o"], ["a"])  # "eu e ..."
LIST_START = ("e", "meu", "minha", "meus", "mais", "com", "o", "a", "os", "as", "outros", "outras",
              "que")  # fmt: skip
LIST_SKIP = ("e", "mais", "com", "uns", "umas", "meus", "minhas", "os", "as", "outros", "outras",
             "outro", "outra", "pro", "pra", "pelo", "pela", "pelos", "pelas", "por")  # fmt: skip
GROUP_GAP = 3
KIN = frozenset(("mainha", "painho", "esposa", "marido", "mae", "pai", "filho", "filha", "socio",
                 "socia", "irma", "irmao", "namorada", "namorado", "cunhado",
                 "cunhada"))  # fmt: skip
MAX_FIGURE = 10_000_000
NOT_PEOPLE = frozenset(("empresa", "loja", "equipe", "galera", "familia", "turma", "sistema",
                        "gente", "pessoal", "app", "site", "escritorio", "firma"))  # fmt: skip


def user_count(text: str, *, answer: bool = False) -> int | None:
    words = number_words(text)
    found = [
        n
        for n in numbers(words)
        if not money(words, n)
        and not is_phone(words, n)
        and (answer or n.value != 1 or words[n.start] not in ("um", "uma"))
        and (answer or words[n.end - 1] not in ("mil", "k") or people_after(words, n.end))
    ]
    if answer and any(words[n.start] not in ("um", "uma") for n in found):
        found = [n for n in found if words[n.start] not in ("um", "uma")]  # "uma gurizada, uns 30"
    found = [Number(n.start, n.end, teams.dozens(words, n)) for n in found]
    team = teams.stated(found, words) or concluded_users(text)  # "usuários são 14", "então 6"
    team = team or (answered_users(text) if answer else None) or clause_users(text)
    team = team if team is not None else _with_listed(found, words)
    if team is None:
        team = teams.multiplied(words, found) or teams.grown(words, found, answer=answer)
    if team is None and answer:
        team = teams.lead(found, words) or teams.only_one(words, found)  # "uns 6, mas...", "só a X"
    return team if team is not None else _counted(found, words, answer=answer)


def _counted(found: list[Number], words: Sequence[str], *, answer: bool) -> int | None:
    """The figure said to use it, the groups of people named, "somos 6", or in an answer the
    first figure that is no volume."""
    groups = _groups(found, words)
    used = teams.nearest_use(words, found, USING)  # "5 vão usar", "vai usar umas 6 pessoas"
    if used is not None:
        n, upper = found[used], upper_of(found, words, used)
        if groups and groups[1] <= n.start < groups[2]:  # "4 sócios e 20 funcionários"
            return min(groups[0], MAX_FIGURE)
        return min(upper.value + _and_me(words, upper.end), MAX_FIGURE)
    if groups:
        return min(groups[0], MAX_FIGURE)
    said = next((upper_of(found, words, i) for i, n in enumerate(found)
                 if _we_are(words, n.start)), None)  # fmt: skip
    if said is not None or not answer:
        return said.value if said else None
    usable = [i for i, n in enumerate(found) if not period_after(words, n.end)]
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
        if not (people_after(words, upper.end) or _in_a_team(words, upper.end) or described):
            continue
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


def _in_a_team(words: Sequence[str], end: int) -> bool:
    """ "2 no financeiro", "3 na recepção": people by where they work."""
    return words[end : end + 1] in (["no"], ["na"], ["nos"], ["nas"], ["da"], ["do"], ["de"]) and (
        end + 1 < len(words))  # fmt: skip


def _and_me(words: Sequence[str], end: int | None) -> int:
    """ "6 garçons e eu", "... fora eu que sou o dono": the writer counts too."""
    following = list(words[end : end + 7]) if end is not None else []
    pairs = [following[i : i + 2] for i in range(len(following) - 1)]
    return 1 if any(p in (["e", "eu"], ["fora", "eu"], ["mais", "eu"], ["+", "eu"], ["por", "mim"],
                          ["e", "mim"]) for p in pairs) else 0  # "... e por mim"  # fmt: skip


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


def people_listed(words: Sequence[str]) -> int | None:
    """ "só eu" → 1; "eu, meu sócio e 3 funcionários" → 5; "quem vai usar sou eu e mais dois"
    → 3; "usado por mim, minha esposa e dois funcionários" → 4; None when the others are not
    counted ("eu e meus funcionários")."""
    for at, word in enumerate(words):
        me = word == "eu" or (word == "mim" and words[at - 1 : at] in (["por"], ["pra"], ["para"]))
        others = (words[at + 1 : at + 2] == ["e"] and words[at + 2 : at + 3] in WITH) or (
            words[at + 1 : at + 2] in (["meus"], ["minhas"]))  # fmt: skip
        if me and (at <= 2 or words[at - 1] in LISTING or word == "mim" or others):
            counted = _listed_from(words, at)
            if counted is not None:
                return counted
    return None


def _listed_from(words: Sequence[str], at: int) -> int | None:
    rest = list(words[at + 1 :])
    if not rest or rest[0] in ("mesmo", "msm", "sozinho", "sozinha", "uso", "mexo", "vou", "por"):
        alone = at <= 1 or words[at - 1] in ("sou", "usar", "so", "somente", "apenas")
        return 1 if alone else None
    if rest[0] not in LIST_START and not rest[0][0].isdigit():  # "sou eu, 3 dentistas e 2..."
        return None
    total, i, found = 1, 0, {n.start: n for n in numbers(rest)}
    while i < len(rest):
        if rest[i : i + 2] == ["que", "sou"]:
            i += 4  # "eu, que sou a diretora, 2 coordenadoras..."
        elif rest[i] in LIST_SKIP and i not in found:
            i += 1
        elif i in found:
            total, i = total + found[i].value, found[i].end + 1
        elif rest[i] in ("o", "a") and rest[i + 1 : i + 2] in (["meu"], ["minha"]):
            i += 1  # "o meu irmão"
        elif i + 1 < len(rest) and (
            rest[i] in ("meu", "minha")
            or (rest[i] in ("o", "a") and rest[i + 1].isalpha() and rest[i + 1] not in NOT_PEOPLE)
        ):
            other = rest[i + 1] in ("outro", "outra")  # "a outra dentista"
            total, i = total + 1, i + 3 if other else i + 2  # "meu sócio", "a patroa", "o Zé"
        elif rest[i] in KIN:  # "eu, mainha e minhas duas irmãs"
            total, i = total + 1, i + 1
        else:
            break
    return total if total > 1 else None
