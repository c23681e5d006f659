"""The session sweep: close sessions nobody came back to, with the outcome their state calls for.

The engine also closes an idle session lazily when the person writes again; the sweep
covers people who never do, so every session ends with exactly one outcome. Run it on a
schedule (Cloud Scheduler → ``pyloto-corp sweep``); it is safe to run concurrently: a
session saved by someone else meanwhile is skipped (version conflict) and left to them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import structlog

from pyloto_corp.application.conversation_effects import Effects
from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.domain.records import SessionRecord

log = structlog.get_logger(__name__)

DEFAULT_BATCH = 200


@dataclass(slots=True)
class SweepReport:
    examined: int = 0
    closed: int = 0
    conflicts: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {
            "examined": self.examined,
            "closed": self.closed,
            "conflicts": self.conflicts,
            "outcomes": dict(sorted(self.outcomes.items())),
        }


class SweepIdleSessions:
    def __init__(
        self, storage: Storage, engine: Engine, *, clock: Callable[[], datetime], actor: str
    ) -> None:
        self._storage, self._engine, self._clock = storage, engine, clock
        self._effects = Effects(storage, clock=clock, actor=actor)

    async def run(self, batch: int = DEFAULT_BATCH, max_batches: int = 50) -> SweepReport:
        """Close idle sessions in batches until none is left (or ``max_batches`` ran)."""
        report = SweepReport()
        for _ in range(max_batches):
            now = self._clock()
            before = now - self._engine.config.session_timeout
            idle = await self._storage.sessions.list_idle(before, batch)
            for session in idle:
                await self._close(session, now, report)
            if len(idle) < batch:
                break
        log.info("sweep.done", **report.to_dict())
        return report

    async def _close(self, session: SessionRecord, now: datetime, report: SweepReport) -> None:
        report.examined += 1
        try:
            saved = await self._storage.sessions.save(self._engine.timeout(session, now))
        except VersionConflict:
            report.conflicts += 1
            return
        report.closed += 1
        report.outcomes[saved.outcome or ""] += 1
        await self._effects.timed_out(saved, f"timeout:{saved.session_id}")
