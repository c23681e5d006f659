"""Stored records beside the conversation: sessions, lead profiles, outbox items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pyloto_corp.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class QueuedIntent:
    """A waiting intent keeps only its type, when it was seen and how sure we were."""

    intent: str
    detected_at: datetime
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    session_id: str
    user_key: str
    opened_at: datetime
    last_activity_at: datetime
    state: str = "new"
    active_intent: str | None = None
    queued_intents: tuple[QueuedIntent, ...] = ()
    slots: dict[str, Any] = field(default_factory=dict, repr=False)
    context: dict[str, Any] = field(default_factory=dict, repr=False)
    outcome: str | None = None
    closed_at: datetime | None = None
    version: int = 0

    def __post_init__(self) -> None:
        if (self.outcome is None) != (self.closed_at is None):
            raise DomainError("a session has an outcome exactly when it is closed")

    @property
    def is_open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True, slots=True)
class LeadProfile:
    """What we learned about the person. The only record that may hold their phone."""

    user_key: str
    updated_at: datetime
    phone: str | None = field(default=None, repr=False)
    name: str | None = field(default=None, repr=False)
    city: str | None = field(default=None, repr=False)
    is_business: bool | None = None
    business_name: str | None = field(default=None, repr=False)
    role: str | None = None
    user_id: str | None = field(default=None, repr=False)
    profile_name: str | None = field(default=None, repr=False)  # the name shown on WhatsApp


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


def outbox_item_id(inbound_message_id: str, position: int) -> str:
    """Replies are keyed by the message that caused them, so a retry re-creates nothing."""
    return f"{inbound_message_id}#{position}"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    user_key: str
    inbound_message_id: str
    position: int
    kind: str
    payload: dict[str, Any] = field(repr=False)
    created_at: datetime
    session_id: str | None = None
    status: OutboxStatus = OutboxStatus.PENDING
    attempts: int = 0
    claim_token: str | None = None
    claim_expires_at: datetime | None = None
    provider_message_id: str | None = None
    error_code: int | None = None
    delivery_status: str | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None  # when Meta took it (the reply's place in the history)
    decision_id: str | None = None  # the policy decision that allowed this reply
    failure_reason: str | None = None  # why it failed when Meta gave no code: invalid_recipient
    # When the current attempt was recorded as going to Meta (before the call): while set,
    # the answer is unknown, so an attempt that vanished may have been sent ("uncertain").
    sending_at: datetime | None = None

    @property
    def item_id(self) -> str:
        return outbox_item_id(self.inbound_message_id, self.position)


@dataclass(frozen=True, slots=True)
class DeliveryUpdate:
    """A status webhook applied to an item; ``confirmed``: it settled a pending item as sent."""

    item: OutboxItem
    confirmed: bool = False
