"""The simulated clock: the service and the messages share it; ``/tempo 2h`` moves it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_PART = re.compile(r"(\d+)\s*(d|h|min|m|s)")
_UNITS = {"d": "days", "h": "hours", "min": "minutes", "m": "minutes", "s": "seconds"}
MAX_ADVANCE = timedelta(days=365)


class BadDuration(ValueError):
    """Not a duration like ``2h30m``, ``45m``, ``90s`` or ``1d``."""


def parse_duration(text: str) -> timedelta:
    compact = str(text).strip().lower().replace(" ", "")
    parts = _PART.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise BadDuration(f"duração inválida {text!r}; use por exemplo 2h30m, 45m, 90s ou 1d")
    total = timedelta()
    for number, unit in parts:
        total += timedelta(**{_UNITS[unit]: int(number)})
    if not timedelta() < total <= MAX_ADVANCE:
        raise BadDuration("a duração deve ser maior que zero e até 365 dias")
    return total


class SimClock:
    """Starts at a given instant (whole seconds, like Meta's timestamps) and only moves on."""

    def __init__(self, start: datetime | None = None) -> None:
        begin = start or datetime.now(UTC)
        self._now = begin.astimezone(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now
