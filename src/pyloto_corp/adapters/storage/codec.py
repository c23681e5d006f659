"""Records to plain documents and back, shared by every storage backend."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.conversation import (
    ConversationHeader,
    Direction,
    PayloadRef,
    StoredMessage,
)
from pyloto_corp.domain.records import (
    DecisionRecord,
    LeadProfile,
    OutboxItem,
    OutboxStatus,
    QueuedIntent,
    SessionRecord,
)

Doc = dict[str, Any]
DELIVERY_RANK = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}


def as_utc(value: datetime | str | None) -> datetime | None:
    """Datetimes come back from stores as ISO strings or (Firestore) aware datetimes."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed.astimezone(UTC)


def _dt(value: Any) -> datetime:
    result = as_utc(value)
    assert result is not None  # noqa: S101 - required field
    return result


def session_order(session: SessionRecord) -> tuple[Any, ...]:
    return (session.opened_at, session.session_id)


def decision_order(decision: DecisionRecord) -> tuple[Any, ...]:
    return (decision.created_at, decision.decision_id)


def outbox_order(item: OutboxItem) -> tuple[Any, ...]:
    return (item.created_at, item.inbound_message_id, item.position)


def message_doc(message: StoredMessage) -> Doc:
    doc = asdict(message)
    doc["direction"] = message.direction.value
    return doc


def message_from(doc: Doc) -> StoredMessage:
    ref = doc.get("payload_ref")
    return StoredMessage(
        user_key=doc["user_key"],
        provider_message_id=doc["provider_message_id"],
        direction=Direction(doc["direction"]),
        kind=doc["kind"],
        sent_at=_dt(doc["sent_at"]),
        stored_at=_dt(doc["stored_at"]),
        text=doc.get("text"),
        session_id=doc.get("session_id"),
        payload_ref=PayloadRef(**ref) if ref else None,
    )


def header_from(doc: Doc) -> ConversationHeader:
    return ConversationHeader(
        user_key=doc["user_key"],
        created_at=_dt(doc["created_at"]),
        updated_at=_dt(doc["updated_at"]),
        last_message_at=_dt(doc["last_message_at"]),
        tenant_id=doc.get("tenant_id"),
    )


def next_header(current: Doc | None, message: StoredMessage, tenant_id: str | None) -> Doc:
    """The header after this message: created once, clocks only move forward."""
    if current is None:
        return {
            "user_key": message.user_key,
            "tenant_id": tenant_id,
            "created_at": message.stored_at,
            "updated_at": message.stored_at,
            "last_message_at": message.sent_at,
        }
    last = as_utc(current["last_message_at"])
    return current | {
        "tenant_id": current.get("tenant_id") or tenant_id,
        "updated_at": message.stored_at,
        "last_message_at": max(last, message.sent_at) if last else message.sent_at,
    }


def session_doc(session: SessionRecord) -> Doc:
    doc = asdict(session)
    doc["queued_intents"] = [asdict(q) for q in session.queued_intents]
    doc["status"] = "open" if session.is_open else "closed"
    return doc


def session_from(doc: Doc) -> SessionRecord:
    queued = tuple(
        QueuedIntent(q["intent"], _dt(q["detected_at"]), q.get("confidence"))
        for q in doc.get("queued_intents") or ()
    )
    return SessionRecord(
        session_id=doc["session_id"],
        user_key=doc["user_key"],
        opened_at=_dt(doc["opened_at"]),
        last_activity_at=_dt(doc["last_activity_at"]),
        state=doc["state"],
        active_intent=doc.get("active_intent"),
        queued_intents=queued,
        slots=dict(doc.get("slots") or {}),
        context=dict(doc.get("context") or {}),
        outcome=doc.get("outcome"),
        closed_at=as_utc(doc.get("closed_at")),
        version=int(doc["version"]),
    )


def lead_doc(profile: LeadProfile) -> Doc:
    return asdict(profile)


def lead_from(doc: Doc) -> LeadProfile:
    closed = as_utc(doc.get("window_closed_at"))
    return LeadProfile(**(doc | {"updated_at": _dt(doc["updated_at"]), "window_closed_at": closed}))


def decision_doc(decision: DecisionRecord) -> Doc:
    return asdict(decision)


def decision_from(doc: Doc) -> DecisionRecord:
    return DecisionRecord(**(doc | {"created_at": _dt(doc["created_at"])}))


def outbox_doc(item: OutboxItem) -> Doc:
    """``due_at``: when a pending item may be (re)tried; absent once sent or failed."""
    pending = item.status is OutboxStatus.PENDING
    due = (item.claim_expires_at or item.created_at) if pending else None
    return asdict(item) | {"status": item.status.value, "item_id": item.item_id, "due_at": due}


def outbox_from(doc: Doc) -> OutboxItem:
    fields = {k: v for k, v in doc.items() if k not in ("item_id", "due_at")}
    return OutboxItem(
        **fields
        | {
            "status": OutboxStatus(doc["status"]),
            "created_at": _dt(doc["created_at"]),
            "claim_expires_at": as_utc(doc.get("claim_expires_at")),
            "updated_at": as_utc(doc.get("updated_at")),
        }
    )


def audit_doc(event: AuditEvent) -> Doc:
    return asdict(event)


def audit_from(doc: Doc) -> AuditEvent:
    return AuditEvent(**doc)
