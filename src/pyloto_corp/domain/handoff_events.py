"""Handoff records and their notification events (the notification outbox).

A ``HandoffRecord`` is one lead handed to a team: what the team receives and where the
takeover stands. Each thing the team must hear (``EventKind``) is a ``HandoffEvent``,
created in the same transaction as the turn that caused it and delivered later with a
lease and bounded retries. Event ids are ``<handoff_id>#<seq>``: a redelivered webhook
re-creates nothing, and the receiver deduplicates by the same id (``Idempotency-Key``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    CREATED = "handoff.created"
    MESSAGE = "conversation.message"
    RELEASED = "handoff.released"


class HandoffStatus(StrEnum):
    OPEN = "open"
    RELEASED = "released"


class DeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


def event_id(handoff_id: str, seq: int) -> str:
    return f"{handoff_id}#{seq:05d}"


def again(event: HandoffEvent, now: datetime) -> HandoffEvent:
    """A failed event given a new series of attempts (ops fixed the destination)."""
    return replace(event, status=DeliveryState.PENDING, attempts=0, due_at=now, error=None,
                   claim_token=None)  # fmt: skip


def delivery_after(event: HandoffEvent) -> str | None:
    """The record's delivery state once ``event`` is settled: the ``handoff.created`` sets
    it; any later event that fails marks the lead failed (ops must look at it)."""
    if event.kind is EventKind.CREATED:
        return event.status.value
    return DeliveryState.FAILED.value if event.status is DeliveryState.FAILED else None


@dataclass(frozen=True, slots=True)
class HandoffRecord:
    """``lead``: the ConversationHandoff as the team reads it (summary, requirements...)."""

    handoff_id: str
    user_key: str
    session_id: str
    routing: str
    created_at: datetime
    takeover_until: datetime
    lead: dict[str, Any] = field(repr=False)
    status: HandoffStatus = HandoffStatus.OPEN
    delivery: DeliveryState = DeliveryState.PENDING
    released_at: datetime | None = None
    release_reason: str | None = None
    remote: dict[str, Any] = field(default_factory=dict)  # e.g. Chatwoot's conversation id

    @property
    def qualification_level(self) -> str:
        return str(self.lead.get("qualification_level") or "")

    def taken_over(self, now: datetime) -> bool:
        return self.status is HandoffStatus.OPEN and now < self.takeover_until


@dataclass(frozen=True, slots=True)
class HandoffEvent:
    """``data``: the message forwarded (``text``, ``kind``, ``message_id``, ``direction``)
    or the release (``reason``); nothing for ``handoff.created`` (the record says it)."""

    handoff_id: str
    seq: int
    kind: EventKind
    user_key: str
    created_at: datetime
    due_at: datetime
    data: dict[str, Any] = field(default_factory=dict, repr=False)
    status: DeliveryState = DeliveryState.PENDING
    attempts: int = 0
    claim_token: str | None = None
    error: str | None = None
    delivered_at: datetime | None = None

    @property
    def event_id(self) -> str:
        return event_id(self.handoff_id, self.seq)


@dataclass(frozen=True, slots=True)
class Release:
    """A takeover ended: by an operator, Chatwoot (resolved) or the person (opt-out)."""

    handoff_id: str
    at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class LeadQuery:
    since: datetime | None = None
    routing: str | None = None
    status: str | None = None  # open | released | failed
    limit: int = 500
    now: datetime | None = None  # a takeover past its window counts as released

    def admits(self, record: HandoffRecord) -> bool:
        """The status filter: ``failed`` is the delivery's, the others the takeover's."""
        if self.status is None:
            return True
        if self.status == DeliveryState.FAILED.value:
            return record.delivery is DeliveryState.FAILED
        is_open = record.status is HandoffStatus.OPEN and (
            self.now is None or self.now < record.takeover_until)  # fmt: skip
        return is_open == (self.status == HandoffStatus.OPEN.value)
