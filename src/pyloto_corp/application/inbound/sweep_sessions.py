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

from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.inbound import turn_records as records
from pyloto_corp.application.inbound.turn_logs import log_closed
from pyloto_corp.application.inbound.turns import ConversationState, TurnStatus, TurnWrites
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.domain.engine.state import Step
from pyloto_corp.domain.handoff_plan import team_writes
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
        self._storage, self._engine, self._clock, self._actor = storage, engine, clock, actor

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

    async def _close(self, listed: SessionRecord, now: datetime, report: SweepReport) -> None:
        """Close the session if it is still the one listed; else someone saved it meanwhile."""
        report.examined += 1
        closed: list[SessionRecord] = []

        def plan(state: ConversationState) -> TurnWrites | None:
            current, closed[:] = state.open_session, []
            if current is None or (current.session_id, current.version) != (
                listed.session_id, listed.version):  # fmt: skip
                return None
            step = self._engine.timeout(current, now)
            if step.session.is_open:  # the Policy Pack kept it open: nothing to write
                return None
            closed.append(step.session)
            team = team_writes((step.session,), None, None, now, self._engine.config.takeover)
            return TurnWrites(sessions=(step.session,), audit=(self._event(step, now),),
                              handoffs=team.handoffs, events=team.events)  # fmt: skip

        try:
            status = await self._storage.turns.run_turn(listed.user_key, plan)
        except VersionConflict:
            status = TurnStatus.NOTHING
        if status is not TurnStatus.COMMITTED:
            report.conflicts += 1
            return
        report.closed += 1
        report.outcomes[closed[0].outcome or ""] += 1
        log_closed(closed[0])

    def _event(self, step: Step, now: datetime):
        turn_id = f"timeout:{step.session.session_id}"
        envelopes = records.envelopes(step.decisions, turn_id, now, self._actor)
        reason, details = envelopes[-1]["decision"]["reason"], {"decisions": envelopes}
        return records.audit_event(step.session.user_key, f"{turn_id}#audit",
                                   AuditAction.DECISION_RECORDED, reason, details,
                                   now=now, actor=self._actor)  # fmt: skip
