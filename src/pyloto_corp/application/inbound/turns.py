"""The turn: everything one inbound message changes, read and written in one transaction.

A turn reads the person's state once (header, open session, last closed session, audit
tail), lets a pure ``plan`` decide, and writes the message, sessions, replies, audit
events and lead fields atomically. The message is created only if it does not exist: a
turn whose message is already stored writes nothing (``TurnStatus.ALREADY_STORED``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent
from pyloto_corp.domain.conversation import ConversationHeader, StoredMessage
from pyloto_corp.domain.handoff_events import HandoffEvent, HandoffRecord, Release
from pyloto_corp.domain.records import OutboxItem, SessionRecord


@dataclass(frozen=True, slots=True)
class ConversationState:
    """What a turn reads, in one go (one document on Firestore)."""

    user_key: str
    header: ConversationHeader | None = None
    open_session: SessionRecord | None = None
    last_closed: SessionRecord | None = None
    audit_tail: tuple[str, int] = (GENESIS_HASH, 0)


@dataclass(frozen=True, slots=True)
class TurnWrites:
    """What a turn stores; ``audit`` holds drafts, sealed after the tail in this order."""

    message: StoredMessage | None = None
    sessions: tuple[SessionRecord, ...] = ()
    outbox: tuple[OutboxItem, ...] = ()
    audit: tuple[AuditEvent, ...] = ()
    lead: dict[str, Any] = field(default_factory=dict, repr=False)
    tenant_id: str | None = None
    handoffs: tuple[HandoffRecord, ...] = ()  # created once (a retry re-creates nothing)
    events: tuple[HandoffEvent, ...] = ()  # the notification outbox, created once
    releases: tuple[Release, ...] = ()  # takeovers that end in this turn


class TurnStatus(StrEnum):
    COMMITTED = "committed"
    NOTHING = "nothing"
    ALREADY_STORED = "already_stored"


Plan = Callable[[ConversationState], TurnWrites | None]


class TurnStore(Protocol):
    async def run_turn(self, user_key: str, plan: Plan) -> TurnStatus:
        """Read the state, call ``plan`` and commit its writes, all in one transaction.

        ``plan`` is pure and may run more than once (contention retries); ``None`` writes
        nothing. Sessions are saved with their version checked (VersionConflict); lead
        fields are merged into the profile (with ``updated_at``); the header's clocks
        follow an inbound message, which also reopens the 24 h window.
        """
        ...
