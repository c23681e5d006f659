"""What a committed turn leaves behind, built without I/O: replies, audit events, lead fields.

Every turn writes one audit event (USER_CONTACT) that carries the turn's decision
envelopes and the lead fields it changed, so the decisions are chained and
tamper-evident like the rest of the trail, at the cost of one document per turn.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

from pyloto_corp.domain.audit import AuditAction, AuditEvent
from pyloto_corp.domain.engine.envelopes import envelope_of
from pyloto_corp.domain.engine.policy import Decision
from pyloto_corp.domain.engine.state import Step
from pyloto_corp.domain.outbound import Recipient, fit
from pyloto_corp.domain.records import OutboxItem, SessionRecord

PROFILE_FIELDS = {"name": "name", "city": "city", "company": "business_name"}
APPLIED_KEPT = 20


@dataclasses.dataclass(frozen=True, slots=True)
class Lease:
    """Replies are created already claimed by this process, so it sends them at once."""

    token: str
    until: datetime


def decision_id(turn_id: str, number: int) -> str:
    """The id of the turn's ``number``-th decision (its envelope, and the replies it allowed)."""
    return f"{turn_id}#d{number}"


def envelopes(decisions: list[Decision], turn_id: str, now: datetime, actor: str) -> list[dict]:
    return [envelope_of(d, decision_id=decision_id(turn_id, n), timestamp=now.isoformat(),
                        actor=actor).to_dict() for n, d in enumerate(decisions)]  # fmt: skip


def audit_event(
    user_key: str, event_id: str, action: AuditAction, reason: str, details: dict[str, Any],
    *, now: datetime, actor: str,
) -> AuditEvent:  # fmt: skip
    return AuditEvent(event_id=event_id, user_key=user_key, actor=actor,
                      timestamp=now.isoformat(), action=action.value, reason=reason,
                      details=details)  # fmt: skip


def replies_of(
    session: SessionRecord, message_id: str, replies: list[dict[str, Any]], now: datetime,
    lease: Lease | None,
) -> tuple[OutboxItem, ...]:  # fmt: skip
    """One outbox item per WhatsApp message: replies are fitted to Meta's limits first.

    Each item names the decision that allowed its reply (``decision_id``).
    """
    fitted = [(part, _decision_of(message_id, reply)) for reply in replies
              for part in fit({k: v for k, v in reply.items() if k != "decision"})]  # fmt: skip
    claim = {} if lease is None else {"claim_token": lease.token,
                                      "claim_expires_at": lease.until, "attempts": 1}  # fmt: skip
    return tuple(
        OutboxItem(
            session.user_key,
            message_id,
            position,
            payload["kind"],
            payload,
            now,
            session_id=session.session_id,
            decision_id=decision,
            **claim,
        )
        for position, (payload, decision) in enumerate(fitted)
    )


def _decision_of(message_id: str, reply: dict[str, Any]) -> str | None:
    number = reply.get("decision")
    return None if number is None else decision_id(message_id, int(number))


def remember_turn(session: SessionRecord, message_id: str, replies: list) -> SessionRecord:
    """The session knows which messages it applied and what it last said (for retries)."""
    applied = [*session.context.get("applied", []), message_id][-APPLIED_KEPT:]
    context = {**session.context, "applied": applied,
               "last_replies": {"message_id": message_id, "replies": replies}}  # fmt: skip
    return dataclasses.replace(session, context=context)


def lead_fields(
    step: Step,
    before: SessionRecord | None,
    contact: Recipient | None,
    first_contact: bool,
    profile_name: str | None = None,
) -> dict[str, Any]:
    """Lead profile fields this turn learned (the contact on a person's first message; the
    WhatsApp profile name then, and again when a lead is handed to the team)."""
    fields: dict[str, Any] = {}
    if first_contact and contact is not None:
        fields |= {k: v for k, v in (("phone", contact.phone), ("user_id", contact.user_id)) if v}
    if profile_name and (first_contact or step.handoff is not None):
        fields["profile_name"] = profile_name
    session = step.session
    said = session.context.get("profile", {})
    earlier = before.context.get("profile", {}) if before is not None else {}
    answered = {name for slot, name in PROFILE_FIELDS.items() if slot in session.slots}
    fields |= {k: v for k, v in said.items()
               if v not in (None, "") and earlier.get(k) != v and k not in answered}  # fmt: skip
    known = before.slots if before is not None else {}
    for slot, name in PROFILE_FIELDS.items():
        value = session.slots.get(slot)
        if isinstance(value, str) and value != "unknown" and known.get(slot) != value:
            fields[name] = value
    role = session.context.get("role")
    if role and role != (before.context.get("role") if before is not None else None):
        fields["role"] = role
    return fields


def lease_for(token: str, now: datetime, seconds: float) -> Lease:
    return Lease(token, now + timedelta(seconds=seconds))


def released_event(
    user_key: str, key: str, handoff_ids: list[str], reason: str, *, now: datetime,
    actor: str,
) -> AuditEvent:  # fmt: skip
    """HANDOFF_RELEASED: a takeover ended; ``key`` (the session, or the one handoff released
    alone) names it, so it is recorded once."""
    return audit_event(user_key, f"{key}#released", AuditAction.HANDOFF_RELEASED,
                       "atendimento devolvido ao bot", {"handoff_ids": handoff_ids,
                       "reason": reason}, now=now, actor=actor)  # fmt: skip
