"""Normalized inbound WhatsApp events, independent of Meta's wire format.

Fields that may hold personal data (phone, names, free text) are excluded from
``repr`` so that an accidental ``log.info(..., message=msg)`` cannot leak them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from pyloto_corp.domain.errors import DomainError


class MessageKind(StrEnum):
    TEXT = "text"
    INTERACTIVE = "interactive"
    BUTTON = "button"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    DOCUMENT = "document"
    STICKER = "sticker"
    LOCATION = "location"
    CONTACTS = "contacts"
    REACTION = "reaction"
    ORDER = "order"
    SYSTEM = "system"
    UNSUPPORTED = "unsupported"


MEDIA_KINDS = frozenset(
    {MessageKind.IMAGE, MessageKind.AUDIO, MessageKind.VIDEO, MessageKind.DOCUMENT}
    | {MessageKind.STICKER}
)


class SenderIdKind(StrEnum):
    WA_ID = "wa_id"
    USER_ID = "user_id"


@dataclass(frozen=True, slots=True)
class SenderRef:
    """Who wrote: the phone-based ``wa_id`` or, when absent, the business-scoped user id."""

    kind: SenderIdKind
    value: str = field(repr=False)
    profile_name: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.value:
            raise DomainError("sender id must not be empty")


@dataclass(frozen=True, slots=True)
class ProviderError:
    code: int | None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class InteractiveReply:
    """A tap on a reply button, a list row, a template quick reply or a flow answer."""

    reply_type: str
    reply_id: str
    title: str | None = field(default=None, repr=False)
    description: str | None = field(default=None, repr=False)
    payload: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class MediaRef:
    media_id: str
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = field(default=None, repr=False)
    filename: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Location:
    latitude: float = field(repr=False)
    longitude: float = field(repr=False)
    name: str | None = field(default=None, repr=False)
    address: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Reaction:
    message_id: str
    emoji: str | None = None


@dataclass(frozen=True, slots=True)
class InboundMessage:
    provider_message_id: str
    phone_number_id: str
    sender: SenderRef
    sent_at: datetime
    kind: MessageKind
    original_type: str
    text: str | None = field(default=None, repr=False)
    interactive: InteractiveReply | None = None
    media: MediaRef | None = None
    location: Location | None = None
    reaction: Reaction | None = None
    item_count: int = 0
    context_message_id: str | None = None
    referral_source: str | None = None
    system_type: str | None = None
    errors: tuple[ProviderError, ...] = ()

    def __post_init__(self) -> None:
        if not self.provider_message_id:
            raise DomainError("provider_message_id must not be empty")
        if self.sent_at.tzinfo is None:
            raise DomainError("sent_at must be timezone-aware")


class DeliveryStatus(StrEnum):
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """Meta's report on a message we sent (sent, delivered, read, failed)."""

    provider_message_id: str
    phone_number_id: str
    status: DeliveryStatus
    occurred_at: datetime
    recipient: SenderRef | None = None
    errors: tuple[ProviderError, ...] = ()
    callback_data: str | None = None  # what we sent with the message (names the outbox item)

    def __post_init__(self) -> None:
        if not self.provider_message_id:
            raise DomainError("provider_message_id must not be empty")
        if self.occurred_at.tzinfo is None:
            raise DomainError("occurred_at must be timezone-aware")
