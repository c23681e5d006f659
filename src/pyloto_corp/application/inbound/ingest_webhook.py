"""IngestWebhookEvents: dedupe and hand each normalized event to its processor."""

from __future__ import annotations

from dataclasses import dataclass

import structlog

from pyloto_corp.application.errors import DedupeUnavailable, MessagesInFlight
from pyloto_corp.application.ports import (
    ClaimOutcome,
    DedupeClaim,
    DedupeGate,
    InboundMessageProcessor,
    StatusUpdateProcessor,
)
from pyloto_corp.domain.messages import InboundMessage, StatusUpdate

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class WebhookBatch:
    """Everything one webhook delivery carried, already validated and normalized."""

    messages: tuple[InboundMessage, ...] = ()
    statuses: tuple[StatusUpdate, ...] = ()
    ignored: int = 0
    dropped: int = 0


@dataclass(slots=True)
class IngestReport:
    processed: int = 0
    duplicates: int = 0
    in_flight: int = 0
    statuses: int = 0
    ignored: int = 0
    dropped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "processed": self.processed,
            "duplicates": self.duplicates,
            "statuses": self.statuses,
            "ignored": self.ignored,
            "dropped": self.dropped,
        }


def dedupe_key(message: InboundMessage) -> str:
    return f"msg:{message.phone_number_id}:{message.provider_message_id}"


class IngestWebhookEvents:
    def __init__(
        self,
        dedupe: DedupeGate,
        messages: InboundMessageProcessor,
        statuses: StatusUpdateProcessor,
    ) -> None:
        self._dedupe = dedupe
        self._messages = messages
        self._statuses = statuses

    async def execute(self, batch: WebhookBatch) -> IngestReport:
        """Process every new message in timestamp order, then the statuses.

        Raises MessagesInFlight after the rest of the batch when another attempt
        still holds a message, so Meta redelivers instead of the message being lost.
        """
        report = IngestReport(ignored=batch.ignored, dropped=batch.dropped)
        ordered = sorted(batch.messages, key=lambda m: (m.sent_at, m.provider_message_id))
        for message in ordered:
            outcome = await self._ingest_message(message)
            if outcome is ClaimOutcome.DONE:
                report.duplicates += 1
            elif outcome is ClaimOutcome.IN_PROGRESS:
                report.in_flight += 1
            else:
                report.processed += 1
        for update in sorted(batch.statuses, key=lambda s: s.occurred_at):
            await self._statuses.execute(update)
            report.statuses += 1
        if report.in_flight:
            raise MessagesInFlight(report.in_flight)
        return report

    async def _ingest_message(self, message: InboundMessage) -> ClaimOutcome:
        claim = await self._dedupe.claim(dedupe_key(message))
        if claim.outcome is not ClaimOutcome.ACQUIRED:
            log.info(
                "inbound.duplicate",
                provider_message_id=message.provider_message_id,
                claim=claim.outcome.value,
            )
            return claim.outcome
        try:
            await self._messages.execute(message)
        except BaseException:
            await self._release_quietly(claim, message)
            raise
        await self._dedupe.complete(claim)
        return ClaimOutcome.ACQUIRED

    async def _release_quietly(self, claim: DedupeClaim, message: InboundMessage) -> None:
        try:
            await self._dedupe.release(claim)
        except DedupeUnavailable:
            log.warning(
                "inbound.lease_release_failed",
                provider_message_id=message.provider_message_id,
            )
