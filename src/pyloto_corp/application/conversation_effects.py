"""What a committed turn causes: outbox items, decision envelopes, audit events, lead profile."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

import structlog

from pyloto_corp.application.audit_trail import AuditTrail
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction, AuditEvent
from pyloto_corp.domain.engine.guards import closing_proposal
from pyloto_corp.domain.engine.policy import decide
from pyloto_corp.domain.engine.state import Step
from pyloto_corp.domain.outbound import Recipient, fit
from pyloto_corp.domain.records import DecisionRecord, LeadProfile, OutboxItem, SessionRecord

log = structlog.get_logger(__name__)

PROFILE_FIELDS = {"name": "name", "city": "city", "company": "business_name"}


class Effects:
    def __init__(self, storage: Storage, *, clock: Callable[[], datetime], actor: str) -> None:
        self._storage, self._clock, self._actor = storage, clock, actor
        self._audit = AuditTrail(storage.audit)

    async def apply(self, step: Step, message_id: str, contact: Recipient | None) -> list[str]:
        """Persist every effect of the turn; returns the outbox ids to deliver, in order."""
        session = step.session
        ids = await self._enqueue(session, message_id, [r.to_payload() for r in step.replies])
        await self._audit_event(session.user_key, f"{message_id}#contact",
                                AuditAction.USER_CONTACT, "mensagem recebida", {})  # fmt: skip
        if step.closed_before is not None and step.closed_before is not session:
            await self.timed_out(step.closed_before, f"{message_id}#timeout")
        for number, proposal in enumerate(step.proposals):
            await self._decision(session, f"{message_id}#d{number}", proposal)
        await self._profile(session, contact, message_id)
        if step.handoff is not None:
            log.info(
                "conversation.handoff",
                user_key=session.user_key,
                routing=step.handoff.routing,
                level=step.handoff.qualification_level.value,
            )
        if not session.is_open:
            _log_closed(session)
        return ids

    async def timed_out(self, session: SessionRecord, decision_id: str) -> None:
        """A session closed by inactivity (lazily or by the sweep): its decision, its log."""
        await self._decision(session, decision_id, closing_proposal(session))
        _log_closed(session)

    async def replay(self, session: SessionRecord, message_id: str) -> list[str]:
        """A retried webhook: re-create this message's replies if they are the last ones."""
        last = session.context.get("last_replies") or {}
        ids = []
        if last.get("message_id") == message_id:
            ids = await self._enqueue(session, message_id, list(last.get("replies", [])))
        log.info("conversation.already_applied", user_key=session.user_key,
                 provider_message_id=message_id)  # fmt: skip
        return ids

    async def _enqueue(self, session: SessionRecord, message_id: str, replies: list) -> list[str]:
        """One outbox item per WhatsApp message: replies are fitted to Meta's limits first."""
        fitted = [part for reply in replies for part in fit(reply)]
        items = [
            OutboxItem(
                session.user_key,
                message_id,
                position,
                payload["kind"],
                payload,
                self._clock(),
                session_id=session.session_id,
            )
            for position, payload in enumerate(fitted)
        ]
        if items:
            await self._storage.outbox.enqueue(items)
        return [item.item_id for item in items]

    async def _decision(self, session: SessionRecord, decision_id: str, proposal: Any) -> None:
        envelope = decide(proposal, decision_id=decision_id, timestamp=self._clock().isoformat(),
                          actor=self._actor, session_id=session.session_id)  # fmt: skip
        record = DecisionRecord(decision_id, session.user_key, self._clock(),
                                envelope.to_dict(), session.session_id)  # fmt: skip
        if await self._storage.decisions.record(record):
            details = {
                "decision_id": decision_id,
                "action": envelope.action,
                "outcome": envelope.outcome.value,
                "policy_id": envelope.policy_id,
            }
            event_id = f"{decision_id}#audit"
            action = AuditAction.DECISION_RECORDED
            await self._audit_event(session.user_key, event_id, action, envelope.reason, details)

    async def _profile(
        self, session: SessionRecord, contact: Recipient | None, message_id: str
    ) -> None:
        profiles = self._storage.leads
        current = await profiles.get(session.user_key) or LeadProfile(
            session.user_key, self._clock()
        )
        changes = _contact_changes(current, contact)
        for slot, field in PROFILE_FIELDS.items():
            value = session.slots.get(slot)
            if isinstance(value, str) and value != "unknown" and getattr(current, field) != value:
                changes[field] = value
        for key in ("role",):
            if session.context.get(key) and session.context[key] != current.role:
                changes[key] = session.context[key]
        if not changes:
            return
        await profiles.put(dataclasses.replace(current, updated_at=self._clock(), **changes))
        await self._audit_event(session.user_key, f"{message_id}#profile",
                                AuditAction.PROFILE_UPDATED, "dados do lead atualizados",
                                {"fields": sorted(changes)})  # fmt: skip

    async def _audit_event(self, user_key: str, event_id: str, action: AuditAction,
                           reason: str, details: dict) -> None:  # fmt: skip
        draft = AuditEvent(event_id=event_id, user_key=user_key, actor=self._actor,
                           timestamp=self._clock().isoformat(), action=action.value,
                           reason=reason, details=details)  # fmt: skip
        await self._audit.record(draft)


def _contact_changes(current: LeadProfile, contact: Recipient | None) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if contact is not None and contact.phone and contact.phone != current.phone:
        changes["phone"] = contact.phone
    if contact is not None and contact.user_id and contact.user_id != current.user_id:
        changes["user_id"] = contact.user_id
    if current.window_closed_at is not None:
        changes["window_closed_at"] = None  # the person wrote again: the 24 h window is open
    return changes


def _log_closed(session: SessionRecord) -> None:
    log.info("conversation.closed", user_key=session.user_key,
             session_id=session.session_id, outcome=session.outcome)  # fmt: skip
