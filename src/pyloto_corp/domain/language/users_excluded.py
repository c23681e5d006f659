"""People the message leaves out by naming their group: "são 9 cozinheiros e 3 no salão, mas
cozinheiro não mexe" → 3, "2, o resto dos 15 funcionários não precisa" → 2."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pyloto_corp.domain.language.numbers import Number
from pyloto_corp.domain.language.people_words import NEGATION, PERSON, USE

KEY = 5  # "garçom" / "garçons", "vendedor" / "vendedores": one group
PLACES = frozenset(("no", "na", "nos", "nas"))
ARTICLES = frozenset(("o", "a", "os", "as", "meu", "minha", "meus", "minhas", "nossos", "nossas"))
NEEDING = frozenset(("precisa", "precisam", "vai", "vao", "iria", "iriam", *USE))
REST = frozenset(("resto", "restante", "demais", "outros", "outras"))
OF = frozenset(("dos", "das", "de"))
NEAR = 4  # how far after the denial its verb ("não vai usar", "não precisa") is said


def _key(word: str) -> str:
    return word[:KEY]


def _group(words: Sequence[str], n: Number) -> str | None:
    """The group a figure sizes: "12 garçons" → "garco", "2 no caixa" → "caixa"."""
    noun = words[n.end] if n.end < len(words) else ""
    if noun in PLACES and n.end + 1 < len(words) and words[n.end + 1].isalpha():
        return _key(words[n.end + 1])
    return _key(noun) if noun.startswith(PERSON) else None


def _denied(words: Sequence[str]) -> list[tuple[int, str]]:
    """Where a group is said not to use it and the group's key: "garçom não vai usar"."""
    found = []
    for i, word in enumerate(words):
        if word not in NEGATION or not NEEDING & set(words[i + 1 : i + 1 + NEAR]):
            continue
        before = [w for w in words[max(0, i - 3) : i] if w not in ARTICLES]
        if before and before[-1].isalpha():
            found.append((i, _key(before[-1])))
    return found


def excluded_users(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """The groups sized in the message, less the one said not to use it; or the figure said
    before "o resto dos N ... não"."""
    return _named_out(words, found) or _rest_out(words, found)


def _named_out(words: Sequence[str], found: Sequence[Number]) -> int | None:
    for at, key in _denied(words):
        groups = [(n, _group(words, n)) for n in found if n.end <= at]
        groups = [(n, g) for n, g in groups if g is not None]
        out = [n for n, g in groups if g == key]
        if len(groups) > 1 and len(out) == 1:
            return sum(n.value for n, _ in groups) - out[0].value
    return None


def _rest_out(words: Sequence[str], found: Sequence[Number]) -> int | None:
    """ "3, o restante dos 20 não precisa": the three."""
    for a, b in pairwise(found):
        said = words[max(a.end, b.start - 3) : b.start]
        if not (REST & set(said) and said[-1:] and said[-1] in OF) or a.value >= b.value:
            continue
        after = words[b.end : b.end + NEAR + 2]
        if NEGATION & set(after):
            return a.value
    return None
