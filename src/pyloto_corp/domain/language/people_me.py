"""The people a writer lists with themself: "só eu" → 1, "eu, meu sócio e 3 funcionários" → 5,
"quem vai usar sou eu e mais dois" → 3, "seria só eu, mas talvez contrate alguém" → 1."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import people_after, period_after
from pyloto_corp.domain.language.numbers import numbers
from pyloto_corp.domain.language.people_words import BOTS
from pyloto_corp.domain.language.users_said import my_work

LISTING = frozenset(("sou", "somos", "usar", "usando", "seria", "seriamos", "so", "somente",
                     "apenas", "usariam", "usaria", "usam"))  # fmt: skip
WITH = (["mais"], ["meu"], ["minha"], ["meus"], ["minhas"], ["os"], ["as"], ["o"], ["a"])
LIST_START = ("e", "meu", "minha", "meus", "mais", "com", "o", "a", "os", "as", "outros", "outras",
              "que")  # fmt: skip
LIST_SKIP = ("e", "mais", "com", "uns", "umas", "meus", "minhas", "os", "as", "outros", "outras",
             "outro", "outra", "pro", "pra", "pelo", "pela", "pelos", "pelas", "por")  # fmt: skip
KIN = frozenset(("mainha", "painho", "esposa", "marido", "mae", "pai", "filho", "filha", "socio",
                 "socia", "irma", "irmao", "namorada", "namorado", "cunhado",
                 "cunhada"))  # fmt: skip
NOT_PEOPLE = frozenset(("empresa", "loja", "equipe", "galera", "familia", "turma", "sistema",
                        "gente", "pessoal", "app", "site", "escritorio", "firma", "cliente",
                        "clientes", "aluno", "alunos", "paciente", "pacientes", *BOTS))  # fmt: skip
ONLY = (["so"], ["somente"], ["apenas"])
FOR = ("pra", "para", "por")
USE = frozenset(("usar", "mexer", "acessar", "utilizar", "usa", "mexe", "usaria", "mexeria"))


def people_listed(words: Sequence[str]) -> int | None:
    """ "só eu" → 1; "eu, meu sócio e 3 funcionários" → 5; "quem vai usar sou eu e mais dois"
    → 3; "usado por mim, minha esposa e dois funcionários" → 4; "eu de manhã e minha irmã de
    noite" → 2; None when the others are not counted ("eu e meus funcionários")."""
    words = [w for i, w in enumerate(words) if not _shift(words, i)]
    for at, word in enumerate(words):
        me = word == "eu" or (word == "mim" and words[at - 1 : at] in (["por"], ["pra"], ["para"]))
        others = (words[at + 1 : at + 2] == ["e"] and words[at + 2 : at + 3] in WITH) or (
            words[at + 1 : at + 2] in (["meus"], ["minhas"])) or (
            words[at + 1 : at + 2] != [] and words[at + 1].isdigit() and people_after(
                words, at + 2))  # "Eu, 4 professores e a secretária"  # fmt: skip
        if me and (at <= 2 or words[at - 1] in LISTING or word == "mim" or others):
            counted = _listed_from(words, at)
            if counted is not None:
                return counted
    return None


def _listed_from(words: Sequence[str], at: int) -> int | None:
    rest = list(words[at + 1 :])
    only = words[at - 1 : at] in ONLY or (words[at - 2 : at - 1] in ONLY and words[at - 1] in FOR)
    if only and ((rest[:1] == ["mas"] and not numbers(rest)) or (rest and my_work(rest[0]))):
        return 1  # "seria só eu, mas talvez contrate alguém", "só eu respondo"
    if not rest or rest[0] in ("mesmo", "msm", "sozinho", "sozinha", "uso", "mexo", "vou", "por"):
        alone = at <= 1 or words[at - 1] in ("sou", "usar") or only  # "só pra mim por enquanto"
        return 1 if alone else None
    if rest[0] not in LIST_START and not rest[0][0].isdigit():  # "sou eu, 3 dentistas e 2..."
        return None
    total, i, found, bot = 1, 0, {n.start: n for n in numbers(rest)}, False
    ends = [n.start for n in found.values() if period_after(rest, n.end)]  # "umas 100 por dia"
    while i < min(ends, default=len(rest)):
        if rest[i : i + 2] == ["que", "sou"]:
            i += 4  # "eu, que sou a diretora, 2 coordenadoras..."
        elif rest[i] in LIST_SKIP and i not in found:
            i += 1
        elif i in found:
            total, i = total + found[i].value, found[i].end + 1
        elif (step := _between(rest, i, found, total)) is not None:
            total, i = step
        elif i + 1 < len(rest) and (
            rest[i] in ("meu", "minha")
            or (rest[i] in ("o", "a") and rest[i + 1].isalpha() and rest[i + 1] not in NOT_PEOPLE)
        ):
            other = rest[i + 1] in ("outro", "outra")  # "a outra dentista"
            total, i = total + 1, i + 3 if other else i + 2  # "meu sócio", "a patroa", "o Zé"
        elif rest[i] in KIN:  # "eu, mainha e minhas duas irmãs"
            total, i = total + 1, i + 1
        elif rest[i] in ("o", "a") and rest[i + 1 : i + 2] and rest[i + 1] in BOTS:
            bot, i = True, i + 2 + 2 * (rest[i + 2 : i + 3] in (["de"], ["do"], ["da"]))
        else:
            break
    return total if total > 1 or bot else None  # "eu e o robô de vocês": only the writer


def _between(rest: list[str], i: int, found: dict, total: int) -> tuple[int, int] | None:
    """Words between the people listed: "o meu irmão", "a coordenadora pedagógica e ...",
    and "o financeiro, que são 2 pessoas" (that one counts 2)."""
    if rest[i] in ("o", "a") and rest[i + 1 : i + 2] in (["meu"], ["minha"]):
        return total, i + 1
    if rest[i : i + 2] == ["que", "sao"] and i + 2 in found and total > 1:
        return total - 1 + found[i + 2].value, found[i + 2].end + 1
    if rest[i].isalpha() and rest[i + 1 : i + 2] == ["e"] and total > 1:
        return total, i + 1
    return None


def nobody_uses(words: Sequence[str]) -> bool:
    """ "nenhum de nós vai usar, é pros clientes": no one of the team counted, and no figure
    said after it."""
    for at, word in enumerate(words):
        of_us = words[at + 1 : at + 3] in (["de", "nos"], ["da", "gente"])
        if word in ("nenhum", "nenhuma") and of_us and USE & set(words[at + 2 : at + 7]):
            return not numbers(words[at:])
    return False


SHIFTS = frozenset(("manha", "tarde", "noite", "madrugada"))


def _shift(words: Sequence[str], i: int) -> bool:
    """ "de manhã", "à tarde", "pela noite": when a person works, no person."""
    if words[i] in SHIFTS:
        return i > 0 and words[i - 1] in ("de", "a", "pela", "na", "durante")
    return words[i] in ("de", "a", "pela", "na", "durante") and words[i + 1 : i + 2] in (
        [[s] for s in SHIFTS])  # fmt: skip
