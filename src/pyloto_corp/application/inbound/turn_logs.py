"""The log lines of a committed turn: ids and outcomes only, never what was said."""

from __future__ import annotations

import structlog

from pyloto_corp.domain.records import SessionRecord

log = structlog.get_logger("pyloto_corp.application.inbound.converse")


def log_step(closed: tuple[SessionRecord, ...]) -> None:
    for session in closed:
        log_closed(session)


def log_closed(session: SessionRecord) -> None:
    """The outcome, and one ``conversation.handoff`` per team handed the lead, however the
    session ended (a turn, an idle timeout found later, the sweep)."""
    log.info("conversation.closed", user_key=session.user_key,
             session_id=session.session_id, outcome=session.outcome)  # fmt: skip
    for handoff in session.context.get("handoffs", ()):
        log.info("conversation.handoff", user_key=session.user_key,
                 session_id=session.session_id, routing=handoff.get("routing"),
                 level=handoff.get("qualification_level"))  # fmt: skip
