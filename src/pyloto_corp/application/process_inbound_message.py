"""ProcessInboundMessage: make the inbound message durable, then let the engine answer it.

The message is stored first (a failure is a 5xx so Meta retries); the conversation
engine then runs over the storage ports (see ``converse``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from pyloto_corp.application.converse import Converse
from pyloto_corp.application.deliver_outbox import WINDOW_CLOSED, DeliverOutbox, close_window
from pyloto_corp.application.storage import ConversationStore, Storage
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.identity import (
    InvalidPhone,
    phone_from_wa_id,
    user_key_for_business_scoped_id,
    user_key_for_phone,
)
from pyloto_corp.domain.messages import InboundMessage, SenderIdKind, SenderRef, StatusUpdate
from pyloto_corp.domain.outbound import Recipient

log = structlog.get_logger(__name__)


def utc() -> datetime:
    return datetime.now(UTC)


def user_key_of(pepper: bytes, sender: SenderRef) -> str:
    """The phone's key when Meta shares the phone; otherwise the business-scoped id's."""
    if sender.kind is SenderIdKind.WA_ID:
        try:
            return user_key_for_phone(pepper, phone_from_wa_id(sender.value))
        except InvalidPhone:
            log.warning("inbound.wa_id_not_e164")
    return user_key_for_business_scoped_id(pepper, sender.value)


def readable_text(message: InboundMessage) -> str | None:
    """What the person wrote or chose, in words (never attachments or raw payloads)."""
    if message.text is not None:
        return message.text
    if message.interactive is not None:
        return message.interactive.title or message.interactive.reply_id
    if message.media is not None:
        return message.media.caption
    return None


class ProcessInboundMessage:
    def __init__(
        self,
        conversations: ConversationStore,
        pepper: bytes,
        clock: Callable[[], datetime],
        converse: Converse | None = None,
        delivery: DeliverOutbox | None = None,
    ) -> None:
        self._conversations = conversations
        self._pepper = pepper
        self._clock = clock
        self._converse = converse
        self._delivery = delivery

    async def execute(self, message: InboundMessage) -> None:
        user_key = user_key_of(self._pepper, message.sender)
        stored = StoredMessage.sanitized(
            user_key=user_key,
            provider_message_id=message.provider_message_id,
            direction=Direction.IN,
            kind=message.kind.value,
            sent_at=message.sent_at,
            stored_at=self._clock(),
            text=readable_text(message),
        )
        ids = {"user_key": user_key, "provider_message_id": message.provider_message_id}
        if await self._conversations.append_message(stored):
            log.info("inbound.stored", kind=message.kind.value, **ids)
        else:
            log.info("inbound.already_stored", **ids)
        if self._converse is None:
            return
        items = await self._converse.handle(user_key, message, contact_of(message.sender))
        if items and self._delivery is not None:
            await self._deliver(user_key, message.provider_message_id, items)

    async def _deliver(self, user_key: str, message_id: str, items: list[str]) -> None:
        """The replies go out now when they can; whatever waits is retried by the outbox loop."""
        assert self._delivery is not None  # noqa: S101 - checked by the caller
        try:
            await self._delivery.acknowledge(message_id)
            await self._delivery.deliver(user_key, items)
        except Exception as exc:  # noqa: BLE001 - the message is applied; never fail the webhook
            log.warning("outbox.delivery_deferred", user_key=user_key,
                        provider_message_id=message_id, error=type(exc).__name__)  # fmt: skip


def contact_of(sender: SenderRef) -> Recipient:
    """Where replies go: the E.164 phone when Meta shares it, else the business-scoped id."""
    if sender.kind is SenderIdKind.USER_ID:
        return Recipient(user_id=sender.value)
    try:
        return Recipient(phone=phone_from_wa_id(sender.value))
    except InvalidPhone:
        return Recipient()


class ProcessStatusUpdate:
    """Status webhooks move the outbox item forward; 131047 closes the person's window."""

    def __init__(self, storage: Storage | None = None, clock: Callable[[], datetime] = utc) -> None:
        self._storage, self._clock = storage, clock

    async def execute(self, update: StatusUpdate) -> None:
        codes = [error.code for error in update.errors]
        log.info("status.accepted", provider_message_id=update.provider_message_id,
                 status=update.status.value, error_codes=codes)  # fmt: skip
        if self._storage is None:
            return
        outbox, now = self._storage.outbox, self._clock()
        code = next((c for c in codes if c is not None), None)
        await outbox.record_delivery(update.provider_message_id, update.status.value, code, now)
        if update.status.value == "failed" and WINDOW_CLOSED in codes:
            item = await outbox.find_by_provider_id(update.provider_message_id)
            if item is not None:
                await close_window(self._storage, item.user_key, now)
