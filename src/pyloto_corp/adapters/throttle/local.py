"""In-process rate limit (one instance): a sliding log of recent events per key."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable

MAX_KEYS = 50_000


class LocalThrottle:
    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock, self._sleep = clock, sleep
        self._events: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = asyncio.Lock()

    async def acquire(self, key: str, limit: int, window_seconds: float) -> None:
        while (wait := await self.try_acquire(key, limit, window_seconds)) > 0:
            await self._sleep(wait)

    async def try_acquire(self, key: str, limit: int, window_seconds: float) -> float:
        """0 when the event fits now (and is counted); otherwise the seconds until it would."""
        async with self._lock:
            return self._try(key, limit, window_seconds)

    def _try(self, key: str, limit: int, window: float) -> float:
        now = self._clock()
        events = self._events[key]
        while events and events[0] <= now - window:
            events.popleft()
        if len(events) < limit:
            events.append(now)
            if len(self._events) > MAX_KEYS:
                self._forget_idle(now, window)
            return 0.0
        return events[0] + window - now

    def _forget_idle(self, now: float, window: float) -> None:
        for key in [k for k, v in self._events.items() if not v or v[-1] <= now - window]:
            del self._events[key]
