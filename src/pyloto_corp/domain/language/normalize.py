"""Text folding for matching: case, accents, stretched letters, emoji and abbreviations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

# One pass does what "stretched letters kept once" then "doubled final vowel kept once" did
# in two: runs of three or more are maximal, so what is left of them never forms a new pair.
_STRETCHES = re.compile(r"([a-z])\1{2,}|([aeiu])\2\b")
_PAIR = re.compile(r"(.)\1", re.DOTALL)  # cheap: most texts have no doubled character
_WORD = re.compile(r"[a-z0-9]+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LAUGHTER = re.compile(r"^(?:k{3,}|(?:rs)+|(?:ha){2,}|(?:he){2,}|(?:hue){2,}|(?:ah){2,})$")
_NOT_LAUGHTER = re.compile(r"[0-9b-dfgijl-qtv-z]")  # laughter is spelt with a, e, h, k, r, s, u
_KEPT_CHARACTERS = 4096  # bound on the per-character table, whatever the traffic sends
# ASCII-only text needs only lower(): NFKD leaves it as it is, it has no combining marks and
# casefold() and lower() agree on it.


def _plain_general(text: str) -> str:
    """The general path: case folded, decomposed (NFKD), combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _PlainTable(dict[int, str]):
    """``str.translate`` table filled on demand: code point → its plain, folded form.

    Folding, decomposing and dropping marks work character by character (canonical
    reordering only moves the marks that are dropped), so a text folds as its characters do.
    """

    def __missing__(self, code: int) -> str:
        plain = _plain_general(chr(code))
        if len(self) < _KEPT_CHARACTERS:
            self[code] = plain
        return plain


_PLAIN = _PlainTable({code: _plain_general(chr(code)) for code in range(0x80, 0x250)})


def _plain(text: str) -> str:
    """``_plain_general``, character by character through a table; ASCII only needs lower()."""
    return text.lower() if text.isascii() else text.translate(_PLAIN)


@lru_cache(maxsize=8192)  # a turn folds the same text several times (intents, entities)
def fold(text: str) -> str:
    """Lower case, no accents, stretched letters kept once ("muuuito", "bom diaa")."""
    plain = _plain(text)
    pair = _PAIR.search(plain)
    if pair is None:
        return plain
    start = pair.start()  # every stretch starts with a doubled letter: nothing to do before
    return plain[:start] + _STRETCHES.sub(r"\1\2", plain[start:])


TOKENS_KEPT = 4096  # a turn splits the same text and clauses many times (acts, values)
_TOKENS: dict[tuple[str, int], tuple[Mapping[str, str] | None, tuple[str, ...]]] = {}


def tokens(text: str, abbreviations: Mapping[str, str] | None = None) -> list[str]:
    """Folded word tokens with common abbreviations expanded ("vcs" → "voces")."""
    key = (text, id(abbreviations))
    known = _TOKENS.get(key)
    if known is not None and known[0] is abbreviations:  # kept alive: its id is its own
        return list(known[1])
    words = _WORD.findall(fold(text))
    expanded: list[str] = []
    for word in words if abbreviations else ():
        if word in abbreviations:
            expanded.extend(abbreviations[word].split())
        else:
            expanded.append(word)
    found = expanded if abbreviations else words
    if len(_TOKENS) >= TOKENS_KEPT:
        _TOKENS.clear()
    _TOKENS[key] = (abbreviations, tuple(found))
    return found


def is_laughter(text: str) -> bool:
    """Brazilian laughter ("kkkkkk", "rsrs", "hahaha") is conversation, never spam."""
    folded = text.casefold()
    if _NOT_LAUGHTER.search(folded):  # a word with any other letter or digit is not laughter
        return False
    words = _NON_WORD.sub(" ", folded).split()
    return bool(words) and all(_LAUGHTER.match(w) for w in words)
