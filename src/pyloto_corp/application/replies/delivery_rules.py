"""Delivery rules that need no I/O: the item's reference, prechecks, backoffs, history."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pyloto_corp.application.replies import send_errors as e
from pyloto_corp.domain.conversation import (
    ConversationHeader,
    Direction,
    StoredMessage,
    message_order,
)
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import LeadProfile, OutboxItem, OutboxStatus

WINDOW = timedelta(hours=24)
WINDOW_CLOSED = 131047
REFERENCE_PREFIX = "pyloto1|"
RECORD_MARGIN_SECONDS = 2.0  # kept back from the lease to record a send's result
# (first delay, cap) in seconds. An uncertain send waits DeliveryLimits.uncertain_wait instead.
BACKOFF = {"later": (5.0, 600.0), "number": (2.0, 60.0), "recipient": (6.0, 300.0)}


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    phone_number_id: str
    number_per_second: int = 80
    recipient_messages: int = 10
    recipient_window_seconds: float = 6.0
    lease: timedelta = timedelta(seconds=30)
    max_attempts: int = 6
    backoff_scale: float = 1.0
    # How long an attempt that may have reached Meta waits for its status before a resend.
    uncertain_wait: timedelta = timedelta(seconds=600)


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    skipped: int = 0

    def add(self, other: DeliveryReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.deferred += other.deferred
        self.skipped += other.skipped


def reference(item: OutboxItem) -> str:
    """Travels with the message (callback data) so its status webhook finds the item."""
    return f"{REFERENCE_PREFIX}{item.user_key}|{item.item_id}"


def item_ref(callback_data: str | None) -> tuple[str, str] | None:
    """(user_key, item_id) from a status's callback data; None if it is not ours."""
    if not callback_data or not callback_data.startswith(REFERENCE_PREFIX):
        return None
    user_key, _, item_id = callback_data[len(REFERENCE_PREFIX) :].partition("|")
    return (user_key, item_id) if user_key and item_id else None


def precheck(
    item: OutboxItem, lead: LeadProfile | None, header: ConversationHeader | None, now: datetime
) -> e.SendError | None:
    """Errors known before calling Meta: nobody to send to, or the 24 h window is closed."""
    if lead is None:
        return e.NoRecipient()
    unreachable = e.recipient_error(Recipient(lead.phone, lead.user_id))
    if unreachable is not None:
        return unreachable
    closed_at = header.window_closed_at if header is not None else None
    if (closed_at is not None and closed_at >= item.created_at) or now - item.created_at > WINDOW:
        return e.WindowClosed(WINDOW_CLOSED, "known before sending")
    return None


def backoff(error: e.SendError, attempts: int) -> float:
    """Seconds to wait before the next attempt: exponential, capped, jittered."""
    base, cap = BACKOFF[error.retry]
    return min(cap, base * 2 ** max(attempts - 1, 0)) * random.uniform(0.5, 1.0)  # noqa: S311


def send_budget(item: OutboxItem, now: datetime) -> float:
    """Seconds a send may take: what is left of the lease, less time to record the result."""
    if item.claim_expires_at is None:
        return 0.0
    return (item.claim_expires_at - now).total_seconds() - RECORD_MARGIN_SECONDS


def settle_at(item: OutboxItem, wait: timedelta) -> datetime | None:
    """When an attempt recorded ``sending`` whose answer is unknown may be made again."""
    return None if item.sending_at is None else item.sending_at + wait


def sent_message(item: OutboxItem) -> StoredMessage:
    """A sent reply as a history entry (direction=out): the outbox item is the record.

    A message a person of the team wrote (takeover) is marked ``(equipe)`` in its kind."""
    at = item.sent_at or item.updated_at or item.created_at
    payload = item.payload
    titles = [o["title"] for o in payload.get("options") or []]
    text = "\n".join([payload.get("body") or "", *(f"[{t}]" for t in titles)]).strip()
    team = item.inbound_message_id.startswith(AGENT_PREFIX)
    return StoredMessage.sanitized(
        user_key=item.user_key, provider_message_id=item.provider_message_id or item.item_id,
        direction=Direction.OUT, kind=f"{item.kind} (equipe)" if team else item.kind,
        sent_at=at, stored_at=at, text=text, session_id=item.session_id,
    )  # fmt: skip


AGENT_PREFIX = "agent-"  # outbox items of the team's messages: ``agent-<ref>#<n>``


def history(messages: list[StoredMessage], items: list[OutboxItem]) -> list[StoredMessage]:
    """The conversation both ways: stored messages and the replies Meta took, in order."""
    known = {m.provider_message_id for m in messages}
    sent = [sent_message(i) for i in items if i.status is OutboxStatus.SENT
            and i.provider_message_id not in known]  # fmt: skip
    return sorted([*messages, *sent], key=message_order)


def order(item: OutboxItem) -> tuple:
    return (item.created_at, item.inbound_message_id, item.position)


class DeferredWork:
    """Replies left for later: the retry loop sleeps until the earliest of them is due."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock, self._event, self._due = clock, asyncio.Event(), None

    def note(self, due: datetime) -> None:
        self._due = due if self._due is None else min(self._due, due)
        self._event.set()

    async def wait(self, interval: float) -> None:
        """Return after ``interval`` or, sooner, once noted work is due."""
        try:
            await asyncio.wait_for(self._event.wait(), timeout=interval)
        except TimeoutError:
            return
        self._event.clear()
        due, self._due = self._due, None
        if due is not None:
            await asyncio.sleep(min(interval, max(0.0, (due - self._clock()).total_seconds())))
