"""Storage ports. Every backend (sqlite, firestore) passes the same contract suite."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pyloto_corp.application.handoffs.ports import HandoffStore
from pyloto_corp.application.inbound.turns import TurnStore
from pyloto_corp.application.media.media_jobs import MediaJobStore
from pyloto_corp.application.privacy.apply_retention import ExpiredRecords
from pyloto_corp.application.privacy.erasure import SubjectDataStore
from pyloto_corp.domain.audit import AuditEvent, AuditHead
from pyloto_corp.domain.conversation import ConversationHeader, StoredMessage
from pyloto_corp.domain.records import DeliveryUpdate, LeadProfile, OutboxItem, SessionRecord


class ConversationStore(Protocol):
    async def append_message(self, message: StoredMessage, tenant_id: str | None = None) -> bool:
        """Insert once (create-only) and move the header's clocks in the same transaction.

        Returns False, writing nothing, when the provider_message_id is already stored.
        """
        ...

    async def get_header(self, user_key: str) -> ConversationHeader | None: ...

    async def list_messages(self, user_key: str) -> list[StoredMessage]:
        """Every message of the person, oldest first."""
        ...

    async def close_window(self, user_key: str, at: datetime) -> None:
        """Mark the 24 h window closed (131047) until the person's next message reopens it."""
        ...


class SessionStore(Protocol):
    async def get_open(self, user_key: str) -> SessionRecord | None: ...

    async def get(self, user_key: str, session_id: str) -> SessionRecord | None: ...

    async def save(self, session: SessionRecord) -> SessionRecord:
        """Write if the stored version still equals ``session.version`` (0 = new).

        Returns the record with ``version + 1``; raises VersionConflict otherwise, or when
        a new session would be a second open one for the same person.
        """
        ...

    async def list_for_user(self, user_key: str) -> list[SessionRecord]: ...

    async def list_idle(self, before: datetime, limit: int = 100) -> list[SessionRecord]:
        """Open sessions whose last activity is at or before ``before`` (for the sweep).

        Inclusive, like the engine: a session idle for exactly the timeout is idle.
        """
        ...


class LeadProfileStore(Protocol):
    async def get(self, user_key: str) -> LeadProfile | None: ...

    async def put(self, profile: LeadProfile) -> None: ...


class OutboxStore(Protocol):
    async def enqueue(self, items: list[OutboxItem]) -> int:
        """Create the items that do not exist yet; returns how many were new."""
        ...

    async def get(self, user_key: str, item_id: str) -> OutboxItem | None: ...

    async def list_for_user(self, user_key: str) -> list[OutboxItem]: ...

    async def claim(
        self, user_key: str, item_id: str, token: str, now: datetime, until: datetime
    ) -> OutboxItem | None:
        """Lease a pending item for sending; None if sent, failed or leased by someone else."""
        ...

    async def mark_sent(
        self, user_key: str, item_id: str, token: str, provider_message_id: str, now: datetime
    ) -> bool: ...

    async def mark_sending(
        self, user_key: str, item_id: str, token: str, now: datetime
    ) -> OutboxItem | None:
        """The lease holder records, before calling Meta, that the attempt may send from now.

        Returns the item with ``sending_at``; None (nothing written) if the lease is not held.
        """
        ...

    async def mark_failed(
        self, user_key: str, item_id: str, token: str, error_code: int | None, now: datetime,
        *, reason: str | None = None,
    ) -> bool:  # fmt: skip
        """Failed for good: Meta's ``error_code``, or a ``reason`` code (invalid_recipient)."""
        ...

    async def release(
        self, user_key: str, item_id: str, token: str, *,
        until: datetime, error_code: int | None, now: datetime, uncertain: bool = False,
    ) -> bool:  # fmt: skip
        """Give a lease back; the item is due again at ``until`` (backoff).

        ``uncertain`` keeps ``sending_at`` (the attempt may have reached Meta); else cleared.
        """
        ...

    async def list_due(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        """Pending items of every person whose time to (re)try has come, oldest due first."""
        ...

    async def find_by_provider_id(self, provider_message_id: str) -> OutboxItem | None: ...

    async def record_sent(
        self, sent: Sequence[tuple[OutboxItem, str]], token: str, now: datetime
    ) -> None:
        """The lease holder marks each (item, Meta's id) sent, in one commit.

        One write per item; the sent item is the reply's record in the history.
        """
        ...

    async def record_delivery(
        self, provider_message_id: str, status: str, error_code: int | None, now: datetime,
        item_ref: tuple[str, str] | None = None,
    ) -> DeliveryUpdate | None:  # fmt: skip
        """Apply a status webhook; statuses never move backwards (read beats delivered).

        ``item_ref`` (user_key, item_id) names the item directly (the send's callback data);
        a pending item reported sent becomes sent (``confirmed``). None: nothing changed.
        """
        ...


class AuditLog(Protocol):
    async def append(self, draft: AuditEvent, expected_prev_hash: str) -> AuditEvent:
        """Seal the draft after ``expected_prev_hash`` and store it, in one transaction.

        Raises AuditConflict when the chain's tail is no longer ``expected_prev_hash``.
        """
        ...

    async def tail(self, user_key: str) -> tuple[str, int]:
        """(hash, seq) of the stored head (see ``head``), or (GENESIS_HASH, 0)."""
        ...

    async def head(self, user_key: str) -> AuditHead:
        """The stored head: the last appended event, updated in each append's transaction.

        ``AuditHead()`` when nothing was ever appended. Events deleted from the end of the
        chain leave the head ahead of them, which is how the verifier sees them missing.
        """
        ...

    async def list_events(self, user_key: str) -> list[AuditEvent]: ...


@dataclass(frozen=True, slots=True)
class Storage:
    """Every store of one backend, plus its readiness check and shutdown."""

    backend: str
    conversations: ConversationStore
    sessions: SessionStore
    leads: LeadProfileStore
    outbox: OutboxStore
    audit: AuditLog
    turns: TurnStore
    subjects: SubjectDataStore
    media_jobs: MediaJobStore
    handoffs: HandoffStore
    ping: Callable[[], Awaitable[None]]
    close: Callable[[], Awaitable[None]]
    # Document reads and writes so far, for backends that bill per operation (Firestore).
    operations: Callable[[], dict[str, int]] | None = None
    # Past-date records to delete by command (embedded); Firestore deletes by TTL instead.
    expired: ExpiredRecords | None = None
