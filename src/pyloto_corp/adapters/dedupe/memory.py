"""MemoryDedupeGate: the embedded default, correct within one process only."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from pyloto_corp.application.ids import new_id
from pyloto_corp.application.ports import ClaimOutcome, DedupeClaim

_DONE = "done"


class MemoryDedupeGate:
    def __init__(
        self,
        *,
        lease_seconds: float,
        done_ttl_seconds: float,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lease = lease_seconds
        self._done_ttl = done_ttl_seconds
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    async def claim(self, key: str) -> DedupeClaim:
        now = self._clock()
        with self._lock:
            current = self._entries.get(key)
            if current is not None and current[1] > now:
                outcome = ClaimOutcome.DONE if current[0] == _DONE else ClaimOutcome.IN_PROGRESS
                return DedupeClaim(key=key, outcome=outcome)
            token = new_id()
            self._store(key, token, now + self._lease, now)
            return DedupeClaim(key=key, outcome=ClaimOutcome.ACQUIRED, token=token)

    async def complete(self, claim: DedupeClaim) -> None:
        now = self._clock()
        with self._lock:
            self._store(claim.key, _DONE, now + self._done_ttl, now)

    async def release(self, claim: DedupeClaim) -> None:
        with self._lock:
            current = self._entries.get(claim.key)
            if current is not None and current[0] == claim.token:
                del self._entries[claim.key]

    async def ping(self) -> None:
        return None

    def __len__(self) -> int:
        return len(self._entries)

    def _store(self, key: str, value: str, expires_at: float, now: float) -> None:
        self._entries[key] = (value, expires_at)
        self._entries.move_to_end(key)
        if len(self._entries) > self._max_entries:
            self._evict(now)

    def _evict(self, now: float) -> None:
        """Drop expired entries; if still too many, the oldest ones (memory stays bounded)."""
        for stale in [k for k, (_, expires) in self._entries.items() if expires <= now]:
            del self._entries[stale]
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)
