"""Ports the application needs; adapters implement them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from pyloto_corp.domain.handoff_events import HandoffEvent
from pyloto_corp.domain.messages import InboundMessage, StatusUpdate
from pyloto_corp.domain.outbound import Recipient


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


class Throttle(Protocol):
    """A rate limit shared by every instance that uses the same backend."""

    async def acquire(self, key: str, limit: int, window_seconds: float) -> None:
        """Wait until one more event under ``key`` fits in ``limit`` per ``window_seconds``."""
        ...

    async def try_acquire(self, key: str, limit: int, window_seconds: float) -> float:
        """0 when one more event fits now (it is counted); else the seconds to wait."""
        ...


class RateLimiter(Protocol):
    async def try_acquire(self, key: str, limit: int, window_seconds: float) -> float:
        """0 when one more event under ``key`` fits now (it is counted); else seconds to wait."""
        ...


class MessageSender(Protocol):
    """Sends fitted replies (see ``domain.outbound``); raises ``SendError`` subtypes.

    A sender may declare ``local = True`` when its effect never leaves this process (the
    console sender): delivery then skips the durable ``sending`` mark, which exists only so
    that a call to Meta interrupted by a crash is never repeated blindly.
    """

    async def send(
        self, recipient: Recipient, reply: dict[str, Any], reference: str | None = None,
        budget: float | None = None,
    ) -> str | None:  # fmt: skip
        """Meta's id of the sent message (None if Meta accepted it without naming one).

        ``reference`` travels with the message and comes back in its status webhooks
        (Meta's ``biz_opaque_callback_data``): it names the outbox item. ``budget``: the
        seconds the send may take in all (the item's lease must outlive any attempt).
        """
        ...

    async def mark_read(self, message_id: str, *, typing: bool = True) -> None: ...

    async def aclose(self) -> None: ...


class HandoffDispatch(Protocol):
    """Takes a committed turn's events for the team and delivers them in the background."""

    def soon(self, events: Sequence[HandoffEvent]) -> None: ...
