"""ProcessInboundMessage: the conversation engine's entry point.

Until the engine lands this use case only records that the message was accepted
(ids and kind, never content); its port is what the webhook depends on.
"""

from __future__ import annotations

import structlog

from pyloto_corp.domain.messages import InboundMessage, StatusUpdate

log = structlog.get_logger(__name__)


class ProcessInboundMessage:
    async def execute(self, message: InboundMessage) -> None:
        log.info(
            "inbound.accepted",
            provider_message_id=message.provider_message_id,
            kind=message.kind.value,
            sender_id_kind=message.sender.kind.value,
        )


class ProcessStatusUpdate:
    async def execute(self, update: StatusUpdate) -> None:
        log.info(
            "status.accepted",
            provider_message_id=update.provider_message_id,
            status=update.status.value,
            error_codes=[error.code for error in update.errors],
        )
