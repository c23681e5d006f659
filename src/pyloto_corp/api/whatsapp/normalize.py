"""From a signed, parsed JSON document to a WebhookBatch of domain values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import structlog
from pydantic import ValidationError

from pyloto_corp.api.errors import InvalidPayload
from pyloto_corp.api.whatsapp.message_models import MessageIn
from pyloto_corp.api.whatsapp.message_parts import MalformedMessage, message_content
from pyloto_corp.api.whatsapp.models import (
    ChangeValueIn,
    ContactIn,
    EnvelopeIn,
    MessageHeaderIn,
    StatusIn,
)
from pyloto_corp.api.whatsapp.senders import resolve_recipient, resolve_sender
from pyloto_corp.application.inbound.ingest_webhook import WebhookBatch
from pyloto_corp.domain.messages import (
    DeliveryStatus,
    InboundMessage,
    MessageKind,
    ProviderError,
    StatusUpdate,
)

log = structlog.get_logger(__name__)

WHATSAPP_OBJECT = "whatsapp_business_account"


def error_fields(exc: ValidationError) -> list[str]:
    """Where validation failed, never what the input was (it may hold personal data)."""
    return [".".join(str(p) for p in err["loc"]) or "(raiz)" for err in exc.errors()][:20]


def parse_envelope(document: Any) -> EnvelopeIn:
    try:
        envelope = EnvelopeIn.model_validate(document)
    except ValidationError as exc:
        raise InvalidPayload("Estrutura do webhook inválida.", fields=error_fields(exc)) from None
    if envelope.object != WHATSAPP_OBJECT:
        raise InvalidPayload(f"Campo object deve ser '{WHATSAPP_OBJECT}'.", fields=["object"])
    return envelope


def _timestamp(value: str) -> datetime:
    return datetime.fromtimestamp(int(value), tz=UTC)


def to_inbound(raw: dict[str, Any], contacts: list[ContactIn], pnid: str) -> InboundMessage | None:
    """One message, or None (logged) when it has no usable id, sender or time."""
    try:
        header = MessageHeaderIn.model_validate(raw)
    except ValidationError as exc:
        log.warning("webhook.message_unusable", fields=error_fields(exc))
        return None
    sender = resolve_sender(header.from_, header.from_user_id, contacts)
    if sender is None:
        log.warning("webhook.message_without_sender", provider_message_id=header.id)
        return None
    try:
        content = message_content(MessageIn.model_validate(raw))
    except (ValidationError, MalformedMessage):
        log.warning("webhook.message_malformed", provider_message_id=header.id, type=header.type)
        content = {"kind": MessageKind.UNSUPPORTED, "errors": (ProviderError(None, "malformed"),)}
    return InboundMessage(
        provider_message_id=header.id,
        phone_number_id=pnid,
        sender=sender,
        sent_at=_timestamp(header.timestamp),
        original_type=header.type,
        **content,
    )


def to_status(raw: dict[str, Any], pnid: str) -> StatusUpdate | None:
    try:
        status = StatusIn.model_validate(raw)
    except ValidationError as exc:
        log.warning("webhook.status_unusable", fields=error_fields(exc))
        return None
    known = status.status in DeliveryStatus._value2member_map_
    return StatusUpdate(
        provider_message_id=status.id,
        phone_number_id=pnid,
        status=DeliveryStatus(status.status) if known else DeliveryStatus.UNKNOWN,
        occurred_at=_timestamp(status.timestamp),
        recipient=resolve_recipient(status.recipient_id, status.recipient_user_id),
        errors=tuple(ProviderError(e.code, e.title) for e in status.errors),
        callback_data=status.biz_opaque_callback_data,
    )


def _change_value(raw: dict[str, Any], where: str) -> ChangeValueIn:
    try:
        return ChangeValueIn.model_validate(raw)
    except ValidationError as exc:
        fields = [f"{where}.value.{f}" for f in error_fields(exc)]
        raise InvalidPayload("Conteúdo de 'messages' inválido.", fields=fields) from None


def normalize(envelope: EnvelopeIn, phone_number_id: str) -> WebhookBatch:
    """Every entry and change; other fields and other phone numbers are counted as ignored."""
    messages: list[InboundMessage] = []
    statuses: list[StatusUpdate] = []
    ignored = dropped = 0
    for e, entry in enumerate(envelope.entry):
        for c, change in enumerate(entry.changes):
            if change.field != "messages":
                ignored += 1
                continue
            value = _change_value(change.value, f"entry.{e}.changes.{c}")
            pnid = value.metadata.phone_number_id
            if phone_number_id and pnid != phone_number_id:
                log.info("webhook.foreign_phone_number_id", events=len(value.messages))
                ignored += len(value.messages) + len(value.statuses)
                continue
            if value.errors:
                log.warning("webhook.value_errors", codes=[err.code for err in value.errors])
            found = [to_inbound(m, value.contacts, pnid) for m in value.messages]
            updates = [to_status(s, pnid) for s in value.statuses]
            messages.extend(m for m in found if m is not None)
            statuses.extend(s for s in updates if s is not None)
            dropped += found.count(None) + updates.count(None)
    return WebhookBatch(tuple(messages), tuple(statuses), ignored=ignored, dropped=dropped)
