"""Rate limit shared across instances: a fixed-window counter in Redis per key.

If Redis cannot answer, the limit degrades to this instance's local one (logged): sending
slower or locally limited is safer than not answering people, and Meta's own 130429 /
131056 answers still make the delivery back off.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from pyloto_corp.adapters.throttle.local import LocalThrottle

log = structlog.get_logger(__name__)
PREFIX = "pyloto:throttle:"


class RedisThrottle:
    def __init__(
        self,
        client: Redis,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._client, self._clock, self._sleep = client, clock, sleep
        self._fallback = LocalThrottle(sleep=sleep)

    async def acquire(self, key: str, limit: int, window_seconds: float) -> None:
        while (wait := await self.try_acquire(key, limit, window_seconds)) > 0:
            await self._sleep(wait)

    async def try_acquire(self, key: str, limit: int, window_seconds: float) -> float:
        """0 when the event fits this window (and is counted); else seconds to the next one."""
        now = self._clock()
        slot = math.floor(now / window_seconds)
        try:
            count = await self._count(f"{PREFIX}{key}:{slot}", window_seconds)
        except RedisError:
            log.warning("throttle.redis_unavailable")
            return await self._fallback.try_acquire(key, limit, window_seconds)
        return 0.0 if count <= limit else (slot + 1) * window_seconds - now

    async def _count(self, name: str, window_seconds: float) -> int:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.pexpire(name, int(window_seconds * 2000))
            count, _ = await pipe.execute()
        return int(count)

    async def aclose(self) -> None:
        await self._client.aclose()
