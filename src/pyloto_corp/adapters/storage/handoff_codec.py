"""Handoff records and events to plain documents and back (every backend)."""

from __future__ import annotations

from typing import Any

from pyloto_corp.adapters.storage.codec import as_utc
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    EventKind,
    HandoffEvent,
    HandoffRecord,
    HandoffStatus,
)

_RECORD = ("handoff_id", "user_key", "session_id", "routing", "release_reason")
_EVENT = ("handoff_id", "seq", "user_key", "attempts", "claim_token", "error")


def record_doc(record: HandoffRecord) -> dict[str, Any]:
    doc: dict[str, Any] = {name: getattr(record, name) for name in _RECORD}
    doc.update(created_at=record.created_at, takeover_until=record.takeover_until,
               released_at=record.released_at, lead=dict(record.lead),
               status=record.status.value, delivery=record.delivery.value,
               remote=dict(record.remote))  # fmt: skip
    return doc


def record_from(doc: dict[str, Any]) -> HandoffRecord:
    return HandoffRecord(
        **{name: doc.get(name) for name in _RECORD},  # type: ignore[arg-type]
        created_at=as_utc(doc["created_at"]),  # type: ignore[arg-type]
        takeover_until=as_utc(doc["takeover_until"]),  # type: ignore[arg-type]
        released_at=as_utc(doc.get("released_at")),
        lead=dict(doc.get("lead") or {}),
        status=HandoffStatus(doc.get("status") or "open"),
        delivery=DeliveryState(doc.get("delivery") or "pending"),
        remote=dict(doc.get("remote") or {}),
    )


def event_doc(event: HandoffEvent) -> dict[str, Any]:
    doc: dict[str, Any] = {name: getattr(event, name) for name in _EVENT}
    doc.update(event_id=event.event_id, kind=event.kind.value, created_at=event.created_at,
               due_at=event.due_at, delivered_at=event.delivered_at, data=dict(event.data),
               status=event.status.value)  # fmt: skip
    return doc


def event_from(doc: dict[str, Any]) -> HandoffEvent:
    return HandoffEvent(
        handoff_id=doc["handoff_id"],
        seq=int(doc["seq"]),
        kind=EventKind(doc["kind"]),
        user_key=doc["user_key"],
        created_at=as_utc(doc["created_at"]),  # type: ignore[arg-type]
        due_at=as_utc(doc["due_at"]),  # type: ignore[arg-type]
        data=dict(doc.get("data") or {}),
        status=DeliveryState(doc["status"]),
        attempts=int(doc.get("attempts") or 0),
        claim_token=doc.get("claim_token"),
        error=doc.get("error"),
        delivered_at=as_utc(doc.get("delivered_at")),
    )


def released_fields(at: Any, reason: str) -> dict[str, Any]:
    return {"status": HandoffStatus.RELEASED.value, "released_at": at, "release_reason": reason}
