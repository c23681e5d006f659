"""ProcessInboundMessage: make the inbound message durable, then let the engine answer it.

The message is stored first (a failure is a 5xx so Meta retries); the conversation
engine then runs over the storage ports (see ``converse``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import structlog

from pyloto_corp.application.converse import Converse
from pyloto_corp.application.storage import ConversationStore
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.identity import (
    InvalidPhone,
    phone_from_wa_id,
    user_key_for_business_scoped_id,
    user_key_for_phone,
)
from pyloto_corp.domain.messages import InboundMessage, SenderIdKind, SenderRef, StatusUpdate

log = structlog.get_logger(__name__)


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
    ) -> None:
        self._conversations = conversations
        self._pepper = pepper
        self._clock = clock
        self._converse = converse

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
        if self._converse is not None:
            await self._converse.handle(user_key, message, _phone(message.sender))


def _phone(sender: SenderRef) -> str | None:
    """The E.164 phone when Meta shares it (kept only in the lead profile)."""
    if sender.kind is not SenderIdKind.WA_ID:
        return None
    try:
        return phone_from_wa_id(sender.value)
    except InvalidPhone:
        return None


class ProcessStatusUpdate:
    async def execute(self, update: StatusUpdate) -> None:
        log.info(
            "status.accepted",
            provider_message_id=update.provider_message_id,
            status=update.status.value,
            error_codes=[error.code for error in update.errors],
        )
