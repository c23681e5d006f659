"""Small things said about the figure of users: "um vídeo" counts nothing, "trinta e poucos,
põe 35" decides on 35, "hoje 4, mas entra mais uma mês que vem" → 5, "os 6 vão usar, mais a
gerente" → 7, "só eu atendo" → 1 (a verb of the writer's work, as "uso" or "mexo")."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.numbers import Number, numbers
from pyloto_corp.domain.language.people_words import NEGATION, PERSON, STOP

# "bota 25", "pode colocar 30", "considera 12", "digamos 8": the figure to write down
DECIDING = frozenset(("coloca", "colocar", "coloque", "bota", "botar", "bote", "poe",
                      "considera", "considerar", "digamos", "anota", "marca", "marque",
                      "deixa", "deixar"))  # fmt: skip
AFTER_DECIDED = frozenset(("pessoas", "usuarios", "ai", "entao", "mesmo", "msm", "ok", "pode",
                           "por", "enquanto", "ne", "blz", "beleza", "ta"))  # fmt: skip
# "contratamos mais um", "entra mais uma": one more person joins
HIRING = ("contrat", "entra", "chega", "vem", "admit")
# "mandei um áudio", "é um sistema": "um" as an article before a thing, not a count
NOT_THINGS = frozenset(("so", "somente", "apenas", "mesmo", "msm", "e", "ou", "ne", "a", "ai",
                        "cara", "moco", "guri", "guria", "parceiro", "parceira", "amigo", "amiga",
                        "dois", "duas", "mais", "por", "pra", "para", "de", "do",
                        "da"))  # fmt: skip
# "só eu respondo", "só eu atendo": the writer alone doing the work the system helps
MY_WORK = frozenset(("respondo", "atendo", "cuido", "mando", "vejo", "opero", "trabalho",
                     "resolvo", "agendo", "acesso", "utilizo"))  # fmt: skip
# "quem responde é a Marli", "quem vai mandar mensagem é a secretaria": who does the work
WORKING = frozenset(("responde", "responder", "respondem", "atende", "atender", "atendem", "manda",
                     "mandar", "mandam", "cuida", "cuidar", "cuidam", "fica", "ficar", "opera",
                     "operar", "agenda", "agendar", "mexe", "mexem", "acessa"))  # fmt: skip
NEAR = 3


def a_thing(words: Sequence[str], n: Number) -> bool:
    """ "um áudio", "uma dúvida": an article before a thing, not one person."""
    noun = words[n.end] if n.end < len(words) else ""
    if words[n.start] not in ("um", "uma") or n.end - n.start > 1 or not noun.isalpha():
        return False
    return not noun.startswith(PERSON) and noun not in NOT_THINGS and noun not in STOP


def decided(words: Sequence[str]) -> int | None:
    """ "vinte e poucos... coloca 25": the last figure, said after a verb that writes it down."""
    found = numbers(words)
    last = found[-1] if found else None
    if last is None or len(found) < 2:
        return None
    cue = [w for w in words[max(0, last.start - NEAR) : last.start] if w not in ("ai", "la", "so")]
    rest = words[last.end :]
    if cue[-1:] and cue[-1] in DECIDING and all(w in AFTER_DECIDED for w in rest):
        return last.value
    return None


def hired_one(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "hoje somos 3, mas contratamos mais um semana que vem" → 4."""
    for i, word in enumerate(words[:-2]):
        one = words[i + 1 : i + 3] in (["mais", "um"], ["mais", "uma"])
        if not one or not word.startswith(HIRING):
            continue
        before = [n for n in found if n.end <= i]
        if len(before) == 1 and not NEGATION & set(words[before[0].end : i]):
            return before[0].value + 1
    return None


def added_single(words: Sequence[str], end: int) -> int:
    """ "8 corretores e todos vão usar, mais a secretária" → 1: one person added after."""
    for j in range(end, min(len(words) - 2, end + 8)):
        if words[j] != "mais" or words[j + 1] not in ("o", "a"):
            continue
        k = j + 2 + (words[j + 2] in ("meu", "minha"))
        noun = words[k] if k < len(words) else ""
        denied = NEGATION & set(words[j + 2 : j + 6])
        if noun.startswith(PERSON) and not noun.endswith("s") and not denied:
            return 1
    return 0


def my_work(word: str) -> bool:
    return word in MY_WORK


def who_works(words: Sequence[str], u: int) -> bool:
    """ "quem responde (é ...)": a verb of the work, its subject asked by "quem"."""
    return words[u] in WORKING and "quem" in words[max(0, u - 3) : u]


def same_one(said: Sequence[str], rest: Sequence[str]) -> bool:
    """ "1 funcionário só, eu mesmo": the one person counted is the writer."""
    figures = numbers(said)
    one = len(figures) == 1 and figures[0].value == 1
    return one and said[-1:] == ["eu"] and rest[:1] in (["mesmo"], ["mesma"], ["msm"])
