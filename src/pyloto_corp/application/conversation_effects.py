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
from pyloto_corp.domain.records import DecisionRecord, LeadProfile, OutboxItem, SessionRecord

log = structlog.get_logger(__name__)

PROFILE_FIELDS = {"name": "name", "city": "city", "company": "business_name"}


class Effects:
    def __init__(self, storage: Storage, *, clock: Callable[[], datetime], actor: str) -> None:
        self._storage, self._clock, self._actor = storage, clock, actor
        self._audit = AuditTrail(storage.audit)

    async def apply(self, step: Step, message_id: str, phone: str | None) -> None:
        session = step.session
        await self._enqueue(session, message_id, [r.to_payload() for r in step.replies])
        await self._audit_event(session.user_key, f"{message_id}#contact",
                                AuditAction.USER_CONTACT, "mensagem recebida", {})  # fmt: skip
        if step.closed_before is not None and step.closed_before is not session:
            await self.timed_out(step.closed_before, f"{message_id}#timeout")
        for number, proposal in enumerate(step.proposals):
            await self._decision(session, f"{message_id}#d{number}", proposal)
        await self._profile(session, phone, message_id)
        if step.handoff is not None:
            log.info(
                "conversation.handoff",
                user_key=session.user_key,
                routing=step.handoff.routing,
                level=step.handoff.qualification_level.value,
            )
        if not session.is_open:
            _log_closed(session)

    async def timed_out(self, session: SessionRecord, decision_id: str) -> None:
        """A session closed by inactivity (lazily or by the sweep): its decision, its log."""
        await self._decision(session, decision_id, closing_proposal(session))
        _log_closed(session)

    async def replay(self, session: SessionRecord, message_id: str) -> None:
        """A retried webhook: re-create this message's replies if they are the last ones."""
        last = session.context.get("last_replies") or {}
        if last.get("message_id") == message_id:
            await self._enqueue(session, message_id, list(last.get("replies", [])))
        log.info("conversation.already_applied", user_key=session.user_key,
                 provider_message_id=message_id)  # fmt: skip

    async def _enqueue(self, session: SessionRecord, message_id: str, replies: list) -> None:
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
            for position, payload in enumerate(replies)
        ]
        if items:
            await self._storage.outbox.enqueue(items)

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

    async def _profile(self, session: SessionRecord, phone: str | None, message_id: str) -> None:
        profiles = self._storage.leads
        current = await profiles.get(session.user_key) or LeadProfile(
            session.user_key, self._clock()
        )
        changes: dict[str, Any] = {"phone": phone} if phone and not current.phone else {}
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


def _log_closed(session: SessionRecord) -> None:
    log.info("conversation.closed", user_key=session.user_key,
             session_id=session.session_id, outcome=session.outcome)  # fmt: skip
