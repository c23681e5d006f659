"""The log lines of a committed turn: ids and outcomes only, never what was said."""

from __future__ import annotations

import structlog

from pyloto_corp.domain.engine.state import Step
from pyloto_corp.domain.records import SessionRecord

log = structlog.get_logger("pyloto_corp.application.inbound.converse")


def log_step(step: Step, closed: tuple[SessionRecord, ...]) -> None:
    if step.handoff is not None:
        log.info("conversation.handoff", user_key=step.session.user_key,
                 routing=step.handoff.routing,
                 level=step.handoff.qualification_level.value)  # fmt: skip
    for session in closed:
        log_closed(session)


def log_closed(session: SessionRecord) -> None:
    log.info("conversation.closed", user_key=session.user_key,
             session_id=session.session_id, outcome=session.outcome)  # fmt: skip
