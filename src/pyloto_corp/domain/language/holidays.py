"""Deadlines named by a date everyone knows ("antes do carnaval", "até o dia das mães",
"pro natal", "pro inverno"): the next time it comes, this year or the next (text already
folded; seasons as they begin in Brazil)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

_LEAD = r"\b(ate|antes|pro|pra|para|no|na|depois)\b(?:\s+(?:o|a|do|da|de))?\s+"
_NAMED = re.compile(_LEAD + r"(natal|carnaval|pascoa|dia das maes|dia dos pais|dia das criancas"
                    r"|dia dos namorados|black friday|festa junina|sao joao|ano novo"
                    r"|reveillon|inverno|verao|outono|primavera)\b")  # fmt: skip
CARNIVAL_BEFORE_EASTER = 47  # Carnival Tuesday
AFTER = timedelta(days=30)  # "pronto depois do carnaval": a month after it, not before it


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def _black_friday(year: int) -> date:
    first = date(year, 11, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thursday + timedelta(days=1)


_WHEN: dict[str, Callable[[int], date]] = {
    "natal": lambda y: date(y, 12, 25),
    "carnaval": lambda y: easter(y) - timedelta(days=CARNIVAL_BEFORE_EASTER),
    "pascoa": easter,
    "dia das maes": lambda y: _sunday(y, 5, 2),
    "dia dos pais": lambda y: _sunday(y, 8, 2),
    "dia das criancas": lambda y: date(y, 10, 12),
    "dia dos namorados": lambda y: date(y, 6, 12),
    "black friday": _black_friday,
    "festa junina": lambda y: date(y, 6, 24),
    "sao joao": lambda y: date(y, 6, 24),
    "ano novo": lambda y: date(y, 12, 31),
    "reveillon": lambda y: date(y, 12, 31),
    "inverno": lambda y: date(y, 6, 21),  # "se der pro inverno": when it begins (south)
    "verao": lambda y: date(y, 12, 21),
    "outono": lambda y: date(y, 3, 20),
    "primavera": lambda y: date(y, 9, 22),
}


def holiday(text: str, today: date) -> date | None:
    """The next day of the date named after "até", "antes do", "pro"... ("depois do": a
    month after it; None: none)."""
    found = _NAMED.search(text)
    if found is None:
        return None
    when = _WHEN[found.group(2)]
    day = when(today.year)
    day = day if day >= today else when(today.year + 1)
    return day + AFTER if found.group(1) == "depois" else day
