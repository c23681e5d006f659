"""Ports of the handoff delivery: where handoffs are stored and how a team is told."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from pyloto_corp.domain.export.masking import mask_phone
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    HandoffEvent,
    HandoffRecord,
    LeadQuery,
)


class HandoffStore(Protocol):
    """Records and events are created by turns (``TurnWrites``); this port reads them and
    moves delivery forward."""

    async def get(self, handoff_id: str) -> HandoffRecord | None: ...

    async def list(self, query: LeadQuery) -> list[HandoffRecord]:
        """Newest first, filtered by creation time, routing and status."""
        ...

    async def expired(self, now: datetime, limit: int = 100) -> list[HandoffRecord]:
        """Open handoffs whose takeover window ended at or before ``now`` (to release)."""
        ...

    async def events(
        self, handoff_id: str, status: DeliveryState | None = None
    ) -> list[HandoffEvent]:
        """Every event of the handoff (``status``: only those in it), in order."""
        ...

    async def list_due(self, now: datetime, limit: int = 100) -> list[HandoffEvent]:
        """Pending events whose time to (re)try has come, oldest due first."""
        ...

    async def requeue(self, handoff_id: str, now: datetime) -> list[HandoffEvent]:
        """Failed events of the handoff back to pending (attempts from zero, due now); the
        lead's delivery is pending again. Returns them (none: nothing had failed)."""
        ...

    async def claim(
        self, event: HandoffEvent, token: str, now: datetime, until: datetime
    ) -> HandoffEvent | None:
        """Lease a pending, due event (attempts + 1); None if not there for us."""
        ...

    async def settle(
        self, event: HandoffEvent, token: str, remote: dict[str, Any] | None = None
    ) -> bool:
        """Store the event as given if ``token`` still holds it (False otherwise). A
        ``handoff.created`` also sets the record's delivery state; ``remote`` is merged
        into the record (what the destination named: a Chatwoot conversation)."""
        ...


@dataclass(frozen=True, slots=True)
class Contact:
    """Personal data sent on purpose to the team; never logged."""

    name: str | None = field(default=None, repr=False)
    phone: str | None = field(default=None, repr=False)
    city: str | None = field(default=None, repr=False)
    business_name: str | None = field(default=None, repr=False)
    role: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "phone": self.phone, "city": self.city,
                "business_name": self.business_name, "role": self.role}  # fmt: skip

    def masked(self) -> Contact:
        """For screens and reports without ``include_pii``: the name's initial, the phone's
        country code and last four digits, the role; no city nor business name."""
        name = f"{self.name[0]}***" if self.name else None
        phone = mask_phone(self.phone) if self.phone else None
        return replace(self, name=name, phone=phone, city=None, business_name=None)


@dataclass(frozen=True, slots=True)
class Line:
    """One message of the conversation so far, for destinations that show a transcript."""

    direction: str  # "in" (the person) | "out" (the bot or an agent)
    text: str = field(repr=False)
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    event: HandoffEvent
    handoff: HandoffRecord
    contact: Contact
    transcript: tuple[Line, ...] = ()


class NotifyUnavailable(Exception):
    """The destination did not take it now (5xx, 429, timeout): try again later."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class NotifyRejected(Exception):
    """The destination refused it (4xx): retrying the same request cannot help."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class HandoffNotifier(Protocol):
    """Tells the team; raises NotifyUnavailable / NotifyRejected. ``wants_transcript``:
    give ``handoff.created`` the conversation so far."""

    name: str
    wants_transcript: bool

    async def notify(self, notice: Notice) -> dict[str, Any] | None:
        """What to remember about the destination (merged into the record), or None."""
        ...

    async def refused(self, handoff: HandoffRecord, reason: str) -> None:
        """An agent's reply that came through this destination was not sent (``reason``:
        window_closed, already_released, opted_out): tell the agent where they wrote."""
        ...

    async def aclose(self) -> None: ...


__all__ = ["Contact", "DeliveryState", "HandoffNotifier", "HandoffStore", "Line", "Notice"]
