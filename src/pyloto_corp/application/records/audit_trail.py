"""AuditTrail: append to a person's hash chain, re-sealing on concurrent appends.

``read_chain`` reads the events together with the stored head they must end at, and
``verify`` checks both (a chain cut short at the end is broken too).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

import structlog

from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.application.storage import AuditLog
from pyloto_corp.domain.audit import AuditEvent, AuditHead, ChainVerification, verify_chain

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 8
READ_ATTEMPTS = 3


async def _jitter_sleep(attempt: int) -> None:
    await asyncio.sleep(random.uniform(0, 0.01 * 2**attempt))  # noqa: S311 - jitter, not crypto


async def read_chain(store: AuditLog, user_key: str) -> tuple[list[AuditEvent], AuditHead]:
    """The events and the stored head, read so that one matches the other.

    Two reads cannot share a transaction here, and appends go on meanwhile: the head is
    read before and after the events, and the read is repeated (a few times) until both
    head reads agree, so that no append landed in between.
    """
    head = await store.head(user_key)
    for _ in range(READ_ATTEMPTS):
        events = await store.list_events(user_key)
        after = await store.head(user_key)
        if after == head:
            break
        head = after
    return events, head


class AuditTrail:
    def __init__(
        self,
        log_store: AuditLog,
        *,
        backoff: Callable[[int], Awaitable[None]] = _jitter_sleep,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        self._store = log_store
        self._backoff = backoff
        self._max_attempts = max_attempts

    async def record(self, draft: AuditEvent) -> AuditEvent:
        """Append ``draft`` (same event_id and timestamp on every retry) to its user's chain."""
        for attempt in range(self._max_attempts):
            tail_hash, _ = await self._store.tail(draft.user_key)
            try:
                return await self._store.append(draft, expected_prev_hash=tail_hash)
            except AuditConflict:
                log.info("audit.append_conflict", user_key=draft.user_key, attempt=attempt)
                await self._backoff(attempt)
        raise AuditConflict(f"audit chain still moving after {self._max_attempts} attempts")

    async def verify(self, user_key: str) -> ChainVerification:
        """Walk the chain and check that it ends at the stored head."""
        events, head = await read_chain(self._store, user_key)
        return verify_chain(events, head)
