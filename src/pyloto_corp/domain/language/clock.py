"""Periods of the day from the clock ("das 8 às 12" → manhã) and from a span of periods
("de manhã até de noite" → the afternoon too)."""

from __future__ import annotations

import re
from itertools import pairwise

_HOUR = re.compile(r"^([01]?\d|2[0-4])(?:h|hs|hrs)?$")
_PERIODS = (("madrugada", 0, 5), ("manhã", 5, 12), ("tarde", 12, 18), ("noite", 18, 24))
_RANGE_LINKS = frozenset(("as", "a", "ate"))
MIN_OVERLAP = 2  # "14h às 19h" is an afternoon: one hour into the night does not make a night


def clock_periods(words: list[str]) -> list[tuple[int, str]]:
    """Periods of the day a range of hours covers ("das 8 às 12" → manhã), where said."""
    found: list[tuple[int, str]] = []
    for i in range(len(words) - 1):
        link = words[i + 1] in _RANGE_LINKS
        first, last = words[i], words[i + 2 if link else i + 1 : i + 3 if link else i + 2]
        start, end = _HOUR.match(first), _HOUR.match(last[0]) if last else None
        after = words[i + 3 if link else i + 2 : i + 4 if link else i + 3]
        clocked = first.endswith("h") or words[i - 1 : i] == ["das"] or after == ["horas"] or (
            last and last[0].endswith(("h", "hs", "hrs")))  # fmt: skip
        if not (start and end and clocked):
            continue
        a, b = int(start.group(1)), int(end.group(1))
        spans = [(a, b)] if a < b else [(a, 24), (0, b)]
        found += [(i, name) for x, y in spans for name, lo, hi in _PERIODS
                  if min(y, hi) - max(x, lo) >= MIN_OVERLAP]  # fmt: skip
    return found


_DAY = ("manhã", "tarde", "noite")


def spanned(said: list[tuple[int, str]], words: list[str]) -> list[tuple[int, str]]:
    """ "de manhã até de noite": the afternoon between them too."""
    out = list(said)
    for (i, a), (j, b) in pairwise(said):
        if a in _DAY and b in _DAY and "ate" in words[i:j]:
            out += [(i, p) for p in _DAY[_DAY.index(a) + 1 : _DAY.index(b)]]
    return sorted(out, key=lambda s: s[0])
