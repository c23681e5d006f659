"""What a destination needs besides the event: the record, the contact, the transcript."""

from __future__ import annotations

from datetime import datetime

from pyloto_corp.application.handoffs.ports import Contact, Line, Notice
from pyloto_corp.application.inbound.turn_records import audit_event
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction, AuditEvent
from pyloto_corp.domain.handoff_events import EventKind, HandoffEvent, HandoffRecord
from pyloto_corp.domain.labels import KINDS, label
from pyloto_corp.domain.records import LeadProfile, OutboxStatus

TRANSCRIPT_LINES = 60  # the most recent ones; the whole history is in the export


def contact_of(profile: LeadProfile | None) -> Contact:
    if profile is None:
        return Contact()
    name = profile.name or profile.profile_name  # the name on WhatsApp until one is told
    return Contact(name=name, phone=profile.phone, city=profile.city,
                   business_name=profile.business_name, role=profile.role)  # fmt: skip


class NoticeBuilder:
    def __init__(self, storage: Storage, *, transcript: bool) -> None:
        self._storage, self._transcript = storage, transcript

    async def build(self, event: HandoffEvent) -> Notice | None:
        """None when the handoff is gone (the person's data was erased)."""
        record = await self._storage.handoffs.get(event.handoff_id)
        if record is None:
            return None
        contact = contact_of(await self._storage.leads.get(record.user_key))
        lines: tuple[Line, ...] = ()
        if self._transcript and event.kind is EventKind.CREATED:
            lines = await self.transcript(record)
        return Notice(event, record, contact, lines)

    async def transcript(self, record: HandoffRecord) -> tuple[Line, ...]:
        """The session's messages and replies up to the handoff, oldest first; from the
        session before it when that one led here (the delivery link the person could not use)."""
        session = await self._storage.sessions.get(record.user_key, record.session_id)
        start = session.opened_at if session is not None else record.created_at
        if session is not None and (earlier := session.context.get("led_from")):
            start = min(start, datetime.fromisoformat(earlier))
        stored = await self._storage.conversations.list_messages(record.user_key)
        lines = [Line("in", m.text or f"[{label(KINDS, m.kind)}]", m.stored_at) for m in stored
                 if start <= m.stored_at <= record.created_at]  # fmt: skip
        for item in await self._storage.outbox.list_for_user(record.user_key):
            body = item.payload.get("body")
            if item.session_id == record.session_id and body and item.status != OutboxStatus.FAILED:
                lines.append(Line("out", str(body), item.created_at))
        lines.sort(key=lambda line: (line.at, line.direction != "in"))
        return tuple(lines[-TRANSCRIPT_LINES:])

    @staticmethod
    def delivered_event(event: HandoffEvent, destination: str, actor: str) -> AuditEvent:
        return audit_event(
            event.user_key, f"{event.event_id}#delivered", AuditAction.HANDOFF_DELIVERED,
            "lead entregue à equipe", {"handoff_id": event.handoff_id, "destination": destination},
            now=event.delivered_at or event.created_at, actor=actor,
        )  # fmt: skip
