"""Groups sized earlier in the message and then named back: "12 professores e 2 na
secretaria. Os professores e a secretaria usariam o sistema" → the second sentence reads
"12 professores e 2 na secretaria usariam o sistema" (14)."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import money
from pyloto_corp.domain.language.numbers import numbers
from pyloto_corp.domain.language.people_words import PERSON, THINGS

SERVED = ("alun", "membro", "cliente", "pacient", "morador")  # who is served, not who works
GROUP = 2
KEY = 7  # "professor" / "professores", "secretaria" / "secretarias"
PLACES = ("no", "na", "nos", "nas")  # "2 na secretaria"
PLURAL = ("os", "as")
SINGLE = ("o", "a")


def _key(word: str) -> str:
    return word.rstrip("s")[:KEY]


def sizes(words: Sequence[str]) -> dict[str, tuple[list[str], bool]]:
    """The groups given a size: "12 professores" → the tokens and whether a single article
    names them back ("2 na secretaria" → "a secretaria")."""
    found: dict[str, tuple[list[str], bool]] = {}
    for n in numbers(words):
        noun = words[n.end : n.end + 1]
        if not noun or money(words, n) or n.value < GROUP:  # a group, not one
            continue
        figure = list(words[n.start : n.end])
        if noun[0] in PLACES and words[n.end + 1 : n.end + 2]:
            place = words[n.end + 1]
            if place.isalpha() and place not in THINGS:
                found[_key(place)] = ([*figure, noun[0], place], True)
        elif (
            noun[0].startswith(PERSON) and noun[0].endswith("s") and not noun[0].startswith(SERVED)
        ):
            found[_key(noun[0])] = ([*figure, noun[0]], False)
    return found


def referred(words: Sequence[str], earlier: Sequence[str]) -> list[str]:
    """``words`` with each group sized in ``earlier`` and named back by its article ("os
    professores", "a secretaria") given its size again."""
    known = sizes(earlier)
    if not known:
        return list(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        article, noun = words[i], words[i + 1] if i + 1 < len(words) else ""
        said = known.get(_key(noun)) if noun.isalpha() else None
        if said is not None and (article in PLURAL or (article in SINGLE and said[1])):
            out += ["os", *said[0]]  # "os 12 professores", "os 2 na secretaria"
            i += 2
            continue
        out.append(article)
        i += 1
    return out
