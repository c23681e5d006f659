"""DeliverHandoffs: the notification outbox, delivered with a lease and bounded retries.

Each event is claimed (a lease that outlives the attempt), sent through the configured
``HandoffNotifier`` and settled: delivered, failed (refused, or out of attempts) or due
again after a backoff. A handoff's events go in order: a later one waits for the ones
before it. A process killed mid-delivery leaves the lease to run out; the retry loop then
delivers the event again under the same id (receivers deduplicate by it).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import structlog

from pyloto_corp.application.handoffs.context import NoticeBuilder
from pyloto_corp.application.handoffs.ports import (
    HandoffNotifier,
    NotifyRejected,
    NotifyUnavailable,
)
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    EventKind,
    HandoffEvent,
    HandoffRecord,
)

log = structlog.get_logger(__name__)
WAIT_FOR_EARLIER = timedelta(seconds=2)
DRAIN_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class HandoffLimits:
    max_attempts: int = 8
    lease: timedelta = timedelta(seconds=60)
    backoff_base: float = 5.0  # seconds; doubled per attempt, with jitter
    backoff_cap: float = 900.0

    def backoff(self, attempts: int) -> timedelta:
        delay = min(self.backoff_cap, self.backoff_base * 2 ** max(0, attempts - 1))
        return timedelta(seconds=delay * random.uniform(0.8, 1.2))  # noqa: S311 - jitter


@dataclass(slots=True)
class HandoffReport:
    delivered: int = 0
    failed: int = 0
    deferred: int = 0
    skipped: int = 0


class DeliverHandoffs:
    def __init__(
        self, storage: Storage, notifier: HandoffNotifier, *, clock: Callable[[], datetime],
        new_token: Callable[[], str], actor: str, limits: HandoffLimits | None = None,
    ) -> None:  # fmt: skip
        self._store, self._notifier, self._clock = storage.handoffs, notifier, clock
        self._new_token, self._actor = new_token, actor
        self._limits = limits or HandoffLimits()
        self._notices = NoticeBuilder(storage, transcript=notifier.wants_transcript)
        self._audit = AuditTrail(storage.audit)
        self._running: set[asyncio.Task] = set()
        self._locks: dict[str, asyncio.Lock] = {}  # per handoff, while someone uses it
        self._waiting: dict[str, int] = {}

    def soon(self, events: Sequence[HandoffEvent]) -> None:
        """Deliver in the background, so the webhook answers Meta without waiting on the
        team's destination (the retry loop covers a process that dies first)."""
        task = asyncio.create_task(self._quietly(events))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _quietly(self, events: Sequence[HandoffEvent]) -> None:
        """Each handoff's events one batch at a time (a later message never overtakes an
        earlier one); different handoffs never wait for each other."""
        for handoff_id in dict.fromkeys(e.handoff_id for e in events):
            mine = [e for e in events if e.handoff_id == handoff_id]
            lock = self._locks.setdefault(handoff_id, asyncio.Lock())
            self._waiting[handoff_id] = self._waiting.get(handoff_id, 0) + 1
            try:
                async with lock:
                    await self.deliver(mine)
            except Exception as exc:  # noqa: BLE001 - stored: the retry loop delivers it
                log.warning("handoff.delivery_deferred", error=type(exc).__name__)
            finally:
                self._waiting[handoff_id] -= 1
                if not self._waiting[handoff_id]:  # nobody else waits: forget the lock
                    del self._waiting[handoff_id], self._locks[handoff_id]

    async def drain(self, seconds: float = DRAIN_SECONDS) -> None:
        """Wait (a bounded time) for background deliveries: shutdown and tools."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=seconds)

    async def aclose(self) -> None:
        await self.drain()
        await self._notifier.aclose()

    async def deliver(self, events: Sequence[HandoffEvent]) -> HandoffReport:
        """Right after the turn that created them (the retry loop covers what fails)."""
        report = HandoffReport()
        for event in events:
            await self._one(event, report)
        return report

    async def refused(self, handoff: HandoffRecord, reason: str) -> None:
        """Tell the agent, where they wrote, that their reply was not sent (best effort)."""
        try:
            await self._notifier.refused(handoff, reason)
        except Exception as exc:  # noqa: BLE001 - the refusal stands; the note is a courtesy
            log.warning("handoff.refusal_not_told", handoff_id=handoff.handoff_id,
                        error=type(exc).__name__)  # fmt: skip

    async def requeue(self, handoff_id: str) -> list[HandoffEvent]:
        return await self._store.requeue(handoff_id, self._clock())

    async def retry_due(self, limit: int = 100) -> HandoffReport:
        due = await self._store.list_due(self._clock(), limit)
        return await self.deliver(sorted(due, key=lambda e: (e.created_at, e.handoff_id, e.seq)))

    async def _one(self, event: HandoffEvent, report: HandoffReport) -> None:
        now, token = self._clock(), self._new_token()
        claimed = await self._store.claim(event, token, now, now + self._limits.lease)
        if claimed is None:
            report.skipped += 1
            return
        notice = await self._notices.build(claimed)
        if notice is None:  # erased meanwhile: nobody is left to tell about
            await self._settle(claimed, token, DeliveryState.FAILED, "handoff_gone", report)
            return
        if await self._waits(claimed):
            later = replace(claimed, due_at=now + WAIT_FOR_EARLIER, attempts=claimed.attempts - 1)
            await self._store.settle(later, token)
            report.deferred += 1
            return
        try:
            remote = await self._notifier.notify(notice)
        except NotifyRejected as exc:
            await self._settle(claimed, token, DeliveryState.FAILED, exc.code, report)
        except NotifyUnavailable as exc:
            await self._retry(claimed, token, exc.code, report)
        except Exception as exc:  # noqa: BLE001 - a destination bug must not lose the event
            await self._retry(claimed, token, type(exc).__name__, report)
        else:
            await self._delivered(claimed, token, remote, report)

    async def _waits(self, event: HandoffEvent) -> bool:
        """A later event waits while an earlier one of its handoff is still pending (only
        the pending ones are read: a person who keeps writing costs no more reads)."""
        if event.seq == 1:
            return False
        pending = await self._store.events(event.handoff_id, DeliveryState.PENDING)
        return any(e.seq < event.seq for e in pending)

    async def _retry(self, event: HandoffEvent, token: str, code: str, report) -> None:
        if event.attempts >= self._limits.max_attempts:
            await self._settle(event, token, DeliveryState.FAILED, code, report)
            return
        due = self._clock() + self._limits.backoff(event.attempts)
        await self._store.settle(replace(event, due_at=due, error=code), token)
        log.warning("handoff.deferred", handoff_id=event.handoff_id, kind=event.kind.value,
                    attempts=event.attempts, code=code)  # fmt: skip
        report.deferred += 1

    async def _settle(
        self, event: HandoffEvent, token: str, state: DeliveryState, code: str, report
    ) -> None:
        await self._store.settle(replace(event, status=state, error=code), token)
        log.error("handoff.failed", handoff_id=event.handoff_id, kind=event.kind.value,
                  attempts=event.attempts, code=code)  # fmt: skip
        report.failed += 1

    async def _delivered(self, event: HandoffEvent, token: str, remote, report) -> None:
        now = self._clock()
        done = replace(event, status=DeliveryState.DELIVERED, delivered_at=now, error=None)
        if not await self._store.settle(done, token, remote):
            return  # the lease ran out and someone else has it: theirs to settle
        log.info("handoff.delivered", handoff_id=event.handoff_id, kind=event.kind.value,
                 destination=self._notifier.name)  # fmt: skip
        report.delivered += 1
        if event.kind is EventKind.CREATED:
            await self._audit.record(self._notices.delivered_event(done, self._notifier.name,
                                                                   self._actor))  # fmt: skip
