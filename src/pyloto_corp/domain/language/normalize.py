"""Text folding for matching: case, accents, stretched letters, emoji and abbreviations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

_STRETCHED = re.compile(r"([a-z])\1{2,}")
_DOUBLED_FINAL_VOWEL = re.compile(r"([aeiu])\1\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LAUGHTER = re.compile(r"^(?:k{3,}|(?:rs)+|(?:ha){2,}|(?:he){2,}|(?:hue){2,}|(?:ah){2,})$")


@lru_cache(maxsize=8192)  # a turn folds the same text several times (intents, entities)
def fold(text: str) -> str:
    """Lower case, no accents, stretched letters kept once ("muuuito", "bom diaa")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _DOUBLED_FINAL_VOWEL.sub(r"\1", _STRETCHED.sub(r"\1", plain))


def tokens(text: str, abbreviations: Mapping[str, str] | None = None) -> list[str]:
    """Folded word tokens with common abbreviations expanded ("vcs" → "voces")."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    if not abbreviations:
        return words
    expanded: list[str] = []
    for word in words:
        expanded.extend(abbreviations.get(word, word).split())
    return expanded


def is_laughter(text: str) -> bool:
    """Brazilian laughter ("kkkkkk", "rsrs", "hahaha") is conversation, never spam."""
    words = _NON_WORD.sub(" ", text.casefold()).split()
    return bool(words) and all(_LAUGHTER.match(w) for w in words)
