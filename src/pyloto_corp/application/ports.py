"""Ports the application needs; adapters implement them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from pyloto_corp.domain.messages import InboundMessage, StatusUpdate


class ClaimOutcome(StrEnum):
    ACQUIRED = "acquired"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class DedupeClaim:
    key: str
    outcome: ClaimOutcome
    token: str | None = None


class DedupeGate(Protocol):
    """At-most-once processing of a key across retries and instances.

    ``claim`` takes a short processing lease; ``complete`` replaces it by a long
    done-mark; ``release`` drops the lease so a retry can process the key at once.
    Every method raises ``DedupeUnavailable`` when the backend cannot answer.
    """

    async def claim(self, key: str) -> DedupeClaim: ...

    async def complete(self, claim: DedupeClaim) -> None: ...

    async def release(self, claim: DedupeClaim) -> None: ...

    async def ping(self) -> None: ...


class InboundMessageProcessor(Protocol):
    """Handles one deduplicated inbound message (the ProcessInboundMessage port)."""

    async def execute(self, message: InboundMessage) -> None: ...


class StatusUpdateProcessor(Protocol):
    """Handles one delivery status of a message we sent."""

    async def execute(self, update: StatusUpdate) -> None: ...
