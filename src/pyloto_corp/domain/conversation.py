"""Conversation history as stored: a header per person and their messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.sanitize import TEXT_MAX_LEN, TRUNCATION_MARKER, sanitize_text


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True, slots=True)
class PayloadRef:
    """Where a message's media lives (never in the conversation store itself)."""

    path: str
    mime_type: str | None = None
    size: int | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationHeader:
    user_key: str
    created_at: datetime
    updated_at: datetime
    last_message_at: datetime
    tenant_id: str | None = None
    window_closed_at: datetime | None = None  # a send hit 131047; the person's next message reopens


@dataclass(frozen=True, slots=True)
class StoredMessage:
    user_key: str
    provider_message_id: str
    direction: Direction
    kind: str
    sent_at: datetime
    stored_at: datetime
    text: str | None = field(default=None, repr=False)
    session_id: str | None = None
    payload_ref: PayloadRef | None = None

    def __post_init__(self) -> None:
        if not self.user_key or not self.provider_message_id:
            raise DomainError("user_key and provider_message_id are required")
        if self.sent_at.tzinfo is None or self.stored_at.tzinfo is None:
            raise DomainError("message times must be timezone-aware")
        if self.text is not None and len(self.text) > TEXT_MAX_LEN + len(TRUNCATION_MARKER):
            raise DomainError("text must be sanitized before it is stored")

    @classmethod
    def sanitized(cls, *, text: str | None, **fields: object) -> StoredMessage:
        """Build a message whose text has been normalized and bounded."""
        return cls(text=sanitize_text(text), **fields)  # type: ignore[arg-type]


def message_order(message: StoredMessage) -> tuple[datetime, datetime, str]:
    """The order of a person's history everywhere (stores, exports): oldest first."""
    return (message.sent_at, message.stored_at, message.provider_message_id)
