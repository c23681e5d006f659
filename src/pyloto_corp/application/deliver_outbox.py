"""DeliverOutbox: send what the engine wrote to the outbox, once, in order, within Meta's limits.

Each item is claimed with a lease first, so a concurrent or retried delivery never sends
it twice; it is marked sent with Meta's id, or failed with Meta's code, or released with
a backoff. One person's items go out in order: delivery stops at the first item that must
wait. Sent messages join the conversation history (direction=out).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import structlog

from pyloto_corp.application import send_errors as e
from pyloto_corp.application.ports import MessageSender, Throttle
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import OutboxItem, OutboxStatus

log = structlog.get_logger(__name__)
WINDOW = timedelta(hours=24)
WINDOW_CLOSED = 131047
_BACKOFF = {"later": (5.0, 600.0), "number": (2.0, 60.0), "recipient": (6.0, 300.0)}


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    phone_number_id: str
    number_per_second: int = 80
    recipient_messages: int = 10
    recipient_window_seconds: float = 6.0
    lease: timedelta = timedelta(seconds=30)
    max_attempts: int = 6


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


class DeliverOutbox:
    def __init__(
        self, storage: Storage, sender: MessageSender, throttle: Throttle, *,
        clock: Callable[[], datetime], new_token: Callable[[], str], limits: DeliveryLimits,
    ) -> None:  # fmt: skip
        self._storage, self._sender, self._throttle = storage, sender, throttle
        self._clock, self._new_token, self._limits = clock, new_token, limits

    async def aclose(self) -> None:
        await self._sender.aclose()
        closer = getattr(self._throttle, "aclose", None)
        if closer is not None:
            await closer()

    async def acknowledge(self, message_id: str) -> None:
        """Blue ticks and "digitando…" while the answer is prepared; best effort."""
        try:
            await self._sender.mark_read(message_id, typing=True)
        except e.SendError as exc:
            log.warning("outbox.mark_read_failed", provider_message_id=message_id,
                        error=type(exc).__name__)  # fmt: skip

    async def deliver(self, user_key: str, item_ids: list[str]) -> DeliveryReport:
        report = DeliveryReport()
        lead = await self._storage.leads.get(user_key)
        for item_id in item_ids:
            if not await self._one(user_key, item_id, lead, report):
                break
        return report

    async def retry_due(self, limit: int = 100) -> DeliveryReport:
        """Items whose backoff or lease has passed (run periodically)."""
        due = await self._storage.outbox.list_due(self._clock(), limit)
        report = DeliveryReport()
        for user_key in dict.fromkeys(i.user_key for i in due):
            # From the person's oldest pending item: an earlier one still waiting keeps order.
            mine = await self._storage.outbox.list_for_user(user_key)
            pending = [i for i in sorted(mine, key=_order) if i.status is OutboxStatus.PENDING]
            report.add(await self.deliver(user_key, [i.item_id for i in pending]))
        return report

    async def _one(self, user_key: str, item_id: str, lead, report: DeliveryReport) -> bool:
        """True when the next item may go (this one is done); False to keep the order."""
        now, token = self._clock(), self._new_token()
        item = await self._storage.outbox.claim(user_key, item_id, token, now,
                                                now + self._limits.lease)  # fmt: skip
        if item is None:
            report.skipped += 1
            current = await self._storage.outbox.get(user_key, item_id)
            return current is None or current.status is not OutboxStatus.PENDING
        error = _precheck(item, lead, now)
        wamid = None
        if error is None:
            try:
                wamid = await self._send(item, Recipient(lead.phone, lead.user_id))
            except e.SendError as exc:
                error = exc
        if error is not None:
            return await self._failed(item, token, error, report)
        provider_id = wamid or f"unknown:{item.item_id}"
        await self._storage.outbox.mark_sent(user_key, item_id, token, provider_id, self._clock())
        await self._history(item, provider_id)
        report.sent += 1
        return True

    async def _send(self, item: OutboxItem, recipient: Recipient) -> str | None:
        limits = self._limits
        await self._throttle.acquire(f"number:{limits.phone_number_id}",
                                     limits.number_per_second, 1.0)  # fmt: skip
        await self._throttle.acquire(f"recipient:{item.user_key}", limits.recipient_messages,
                                     limits.recipient_window_seconds)  # fmt: skip
        return await self._sender.send(recipient, item.payload)

    async def _failed(
        self, item: OutboxItem, token: str, error: e.SendError, report: DeliveryReport
    ) -> bool:
        now, ids = self._clock(), {"user_key": item.user_key, "outbox_item": item.item_id}
        if error.retry == "never" or item.attempts >= self._limits.max_attempts:
            await self._storage.outbox.mark_failed(item.user_key, item.item_id, token,
                                                   error.code, now)  # fmt: skip
            level = log.error if error.alert else log.warning
            level("outbox.failed", error=type(error).__name__, code=error.code, **ids)
            if isinstance(error, e.WindowClosed):
                await close_window(self._storage, item.user_key, now)
            report.failed += 1
            return True
        base, cap = _BACKOFF[error.retry]
        delay = min(cap, base * 2 ** (item.attempts - 1)) * random.uniform(0.5, 1.0)  # noqa: S311
        until = now + timedelta(seconds=delay)
        await self._storage.outbox.release(item.user_key, item.item_id, token, until=until,
                                           error_code=error.code, now=now)  # fmt: skip
        log.warning("outbox.deferred", error=type(error).__name__, code=error.code,
                    delay_seconds=round(delay, 1), **ids)  # fmt: skip
        report.deferred += 1
        return False

    async def _history(self, item: OutboxItem, provider_id: str) -> None:
        payload, now = item.payload, self._clock()
        titles = [o["title"] for o in payload.get("options") or []]
        text = "\n".join([payload.get("body") or "", *(f"[{t}]" for t in titles)]).strip()
        message = StoredMessage.sanitized(
            user_key=item.user_key, provider_message_id=provider_id, direction=Direction.OUT,
            kind=item.kind, sent_at=now, stored_at=now, text=text,
        )  # fmt: skip
        await self._storage.conversations.append_message(message)


def _precheck(item: OutboxItem, lead, now: datetime) -> e.SendError | None:
    """Errors known before calling Meta: nobody to send to, or the 24 h window is closed."""
    if lead is None or not (lead.phone or lead.user_id):
        return e.NoRecipient()
    closed = lead.window_closed_at is not None and lead.window_closed_at >= item.created_at
    if closed or now - item.created_at > WINDOW:
        return e.WindowClosed(WINDOW_CLOSED, "known before sending")
    return None


async def close_window(storage: Storage, user_key: str, at: datetime) -> None:
    """Free-form messages stop until the person writes again (which reopens the window)."""
    lead = await storage.leads.get(user_key)
    if lead is not None and lead.window_closed_at is None:
        await storage.leads.put(replace(lead, window_closed_at=at, updated_at=at))


def _order(item: OutboxItem) -> tuple:
    return (item.created_at, item.inbound_message_id, item.position)
