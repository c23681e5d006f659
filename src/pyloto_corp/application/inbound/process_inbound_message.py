"""ProcessInboundMessage: make the inbound message durable, then let the engine answer it.

The message is stored first (a failure is a 5xx so Meta retries); the conversation
engine then runs over the storage ports (see ``converse``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from pyloto_corp.application.inbound.converse import Converse, TurnResult
from pyloto_corp.application.inbound.turns import TurnStatus
from pyloto_corp.application.media.fetch_media import FetchMedia
from pyloto_corp.application.ports import HandoffDispatch
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox
from pyloto_corp.application.replies.delivery_rules import WINDOW_CLOSED, item_ref
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
        *,
        media: FetchMedia | None = None,
        handoffs: HandoffDispatch | None = None,
    ) -> None:
        self._conversations, self._handoffs = conversations, handoffs
        self._pepper = pepper
        self._clock = clock
        self._converse = converse
        self._delivery = delivery
        self._media = media

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
        if self._converse is None:
            if await self._conversations.append_message(stored):
                log.info("inbound.stored", kind=message.kind.value, **ids)
            else:
                log.info("inbound.already_stored", **ids)
        else:
            await self._converse_and_reply(message, stored, ids)
        if self._media is not None and message.media is not None:
            await self._media.accept(message, user_key)  # recorded, downloaded beside the reply

    async def _converse_and_reply(
        self, message: InboundMessage, stored: StoredMessage, ids: dict[str, str]
    ) -> None:
        assert self._converse is not None  # noqa: S101 - checked by the caller
        contact = contact_of(message.sender)
        result = await self._converse.handle(message, stored, contact)
        if result.status is TurnStatus.COMMITTED:
            log.info("inbound.stored", kind=message.kind.value, **ids)
        else:
            log.info("inbound.already_stored", **ids)
        if self._delivery is not None and (result.created or result.replay is not None):
            await self._deliver(result, ids, contact)
        if self._handoffs is not None and result.events:
            self._handoffs.soon(result.events)  # the team hears it without holding Meta up

    async def _deliver(self, result: TurnResult, ids: dict[str, str], contact: Recipient) -> None:
        """The replies go out now when they can; whatever waits is retried by the outbox loop."""
        assert self._delivery is not None  # noqa: S101 - checked by the caller
        message_id = ids["provider_message_id"]
        try:
            if result.created:
                await self._delivery.acknowledge(message_id)
                await self._delivery.deliver_leased(result.created, result.token or "", contact)
            elif result.replay is not None and self._converse is not None:
                ids = await self._converse.replay(result.replay, message_id)
                await self._delivery.deliver(result.replay.user_key, ids)
        except Exception as exc:  # noqa: BLE001 - the message is applied; never fail the webhook
            log.warning("outbox.delivery_deferred", error=type(exc).__name__, **ids)


def contact_of(sender: SenderRef) -> Recipient:
    """Where replies go: the E.164 phone when Meta shares it, else the business-scoped id."""
    if sender.kind is SenderIdKind.USER_ID:
        return Recipient(user_id=sender.value)
    try:
        return Recipient(phone=phone_from_wa_id(sender.value))
    except InvalidPhone:
        return Recipient(invalid=True)  # its replies fail as invalid_recipient, never sent


class ProcessStatusUpdate:
    """Status webhooks move the outbox item forward; 131047 closes the person's window.

    A status that settles a pending item (its send's answer was lost) marks it sent, so it
    joins the history like any sent reply.
    """

    def __init__(self, storage: Storage | None = None, clock: Callable[[], datetime] = utc) -> None:
        self._storage, self._clock = storage, clock

    async def execute(self, update: StatusUpdate) -> None:
        codes = [error.code for error in update.errors]
        log.info("status.accepted", provider_message_id=update.provider_message_id,
                 status=update.status.value, error_codes=codes)  # fmt: skip
        if self._storage is None:
            return
        now, wamid = self._clock(), update.provider_message_id
        code = next((c for c in codes if c is not None), None)
        ref = item_ref(update.callback_data)
        change = await self._storage.outbox.record_delivery(
            wamid, update.status.value, code, now, item_ref=ref
        )
        if change is not None and change.confirmed:
            log.info("outbox.confirmed_by_status", user_key=change.item.user_key,
                     outbox_item=change.item.item_id, provider_message_id=wamid)  # fmt: skip
        if change is not None and update.status.value == "failed" and WINDOW_CLOSED in codes:
            await self._storage.conversations.close_window(change.item.user_key, now)
