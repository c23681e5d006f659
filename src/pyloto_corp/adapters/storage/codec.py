"""Records to plain documents and back, shared by every storage backend.

Built field by field (``dataclasses.asdict`` deep-copies every nested value and was a third
of a webhook's CPU): nested dicts are shared with the frozen record, never mutated.
"""

from __future__ import annotations

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
    LeadProfile,
    OutboxItem,
    OutboxStatus,
    QueuedIntent,
    SessionRecord,
)

Doc = dict[str, Any]
DELIVERY_RANK = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}
ERASURE_FIELDS = ("erased_at", "opted_out_at")  # what an erasure leaves; kept afterwards
LEAD_FIELDS = ("phone", "name", "city", "is_business", "business_name", "role", "user_id",
               "profile_name")  # fmt: skip


def _dt(value: Any) -> datetime:
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).astimezone(UTC)


def as_utc(value: datetime | str | None) -> datetime | None:
    """Datetimes come back from stores as ISO strings or (Firestore) aware datetimes."""
    return None if value is None else _dt(value)


def session_order(session: SessionRecord) -> tuple[Any, ...]:
    return (session.opened_at, session.session_id)


def outbox_order(item: OutboxItem) -> tuple[Any, ...]:
    return (item.created_at, item.inbound_message_id, item.position)


def payload_ref_doc(ref: PayloadRef | None) -> Doc | None:
    if ref is None:
        return None
    return {"path": ref.path, "mime_type": ref.mime_type, "size": ref.size, "sha256": ref.sha256}


def message_doc(message: StoredMessage) -> Doc:
    return {
        "user_key": message.user_key,
        "provider_message_id": message.provider_message_id,
        "direction": message.direction.value,
        "kind": message.kind,
        "sent_at": message.sent_at,
        "stored_at": message.stored_at,
        "text": message.text,
        "session_id": message.session_id,
        "payload_ref": payload_ref_doc(message.payload_ref),
    }


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


def header_from(doc: Doc) -> ConversationHeader | None:
    """None for a document that holds no conversation yet (only an audit head, say)."""
    if "created_at" not in doc:
        return None
    return ConversationHeader(
        user_key=doc["user_key"],
        created_at=_dt(doc["created_at"]),
        updated_at=_dt(doc["updated_at"]),
        last_message_at=_dt(doc["last_message_at"]),
        tenant_id=doc.get("tenant_id"),
        window_closed_at=as_utc(doc.get("window_closed_at")),
    )


def next_header(current: Doc | None, message: StoredMessage, tenant_id: str | None) -> Doc:
    """The header's fields after this message: created once, clocks only move forward.

    An inbound message reopens the 24 h window (``window_closed_at`` cleared).
    """
    fields: Doc = {"updated_at": message.stored_at, "last_message_at": message.sent_at}
    if message.direction is Direction.IN:
        fields["window_closed_at"] = None
    if current is None or "created_at" not in current:
        kept = {k: v for k, v in (current or {}).items() if k in ERASURE_FIELDS}
        return {"user_key": message.user_key, "tenant_id": tenant_id,
                "created_at": message.stored_at, **fields, **kept}  # fmt: skip
    last = as_utc(current["last_message_at"])
    if last is not None and last > message.sent_at:
        fields["last_message_at"] = last
    return {**current, **fields, "tenant_id": current.get("tenant_id") or tenant_id}


def session_doc(session: SessionRecord) -> Doc:
    return {
        "session_id": session.session_id,
        "user_key": session.user_key,
        "opened_at": session.opened_at,
        "last_activity_at": session.last_activity_at,
        "state": session.state,
        "active_intent": session.active_intent,
        "queued_intents": [
            {"intent": q.intent, "detected_at": q.detected_at, "confidence": q.confidence}
            for q in session.queued_intents
        ],
        "slots": session.slots,
        "context": session.context,
        "outcome": session.outcome,
        "closed_at": session.closed_at,
        "version": session.version,
        "status": "open" if session.is_open else "closed",
    }


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
    fields = {name: getattr(profile, name) for name in LEAD_FIELDS}
    return {"user_key": profile.user_key, "updated_at": profile.updated_at, **fields}


def lead_from(doc: Doc) -> LeadProfile:
    fields = {name: doc.get(name) for name in LEAD_FIELDS}
    return LeadProfile(user_key=doc["user_key"], updated_at=_dt(doc["updated_at"]), **fields)


_OUTBOX_FIELDS = ("user_key", "inbound_message_id", "position", "kind", "payload", "created_at",
                  "session_id", "attempts", "claim_token", "claim_expires_at",
                  "provider_message_id", "error_code", "delivery_status", "updated_at",
                  "sent_at", "decision_id", "failure_reason", "sending_at")  # fmt: skip


def outbox_doc(item: OutboxItem) -> Doc:
    """``due_at``: when a pending item may be (re)tried; absent once sent or failed."""
    pending = item.status is OutboxStatus.PENDING
    doc = {name: getattr(item, name) for name in _OUTBOX_FIELDS}
    doc.update(status=item.status.value, item_id=item.item_id,
               due_at=(item.claim_expires_at or item.created_at) if pending else None)  # fmt: skip
    return doc


def outbox_from(doc: Doc) -> OutboxItem:
    fields = {name: doc.get(name) for name in _OUTBOX_FIELDS}
    fields.update(created_at=_dt(doc["created_at"]),
                  claim_expires_at=as_utc(doc.get("claim_expires_at")),
                  updated_at=as_utc(doc.get("updated_at")),
                  sent_at=as_utc(doc.get("sent_at")), sending_at=as_utc(doc.get("sending_at")),
                  attempts=int(doc.get("attempts") or 0))  # fmt: skip
    return OutboxItem(status=OutboxStatus(doc["status"]), **fields)


def audit_doc(event: AuditEvent) -> Doc:
    return {**event.content(), "hash": event.hash}


def audit_from(doc: Doc) -> AuditEvent:
    return AuditEvent(**doc)
