"""Outbox state rules shared by every backend: pure changes over an OutboxItem.

Each change returns the new item, or None when the transition is not allowed
(then the backend writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from pyloto_corp.adapters.storage.codec import DELIVERY_RANK
from pyloto_corp.domain.records import DeliveryUpdate, OutboxItem, OutboxStatus

Change = Callable[[OutboxItem], OutboxItem | None]


def claim(token: str, now: datetime, until: datetime) -> Change:
    """Lease a pending item that no live claim holds."""

    def change(item: OutboxItem) -> OutboxItem | None:
        if item.status is not OutboxStatus.PENDING:
            return None
        if item.claim_expires_at is not None and item.claim_expires_at > now:
            return None
        return replace(item, claim_token=token, claim_expires_at=until,
                       attempts=item.attempts + 1, updated_at=now)  # fmt: skip

    return change


def _finish(token: str, now: datetime, **fields: object) -> Change:
    def change(item: OutboxItem) -> OutboxItem | None:
        if item.status is not OutboxStatus.PENDING or item.claim_token != token:
            return None
        return replace(item, claim_token=None, claim_expires_at=None, sending_at=None,
                       updated_at=now, **fields)  # fmt: skip

    return change


def sending(token: str, now: datetime) -> Change:
    """The lease holder is about to call Meta: from now on, the attempt may have sent."""

    def change(item: OutboxItem) -> OutboxItem | None:
        if item.status is not OutboxStatus.PENDING or item.claim_token != token:
            return None
        return replace(item, sending_at=now, updated_at=now)

    return change


def sent(token: str, provider_message_id: str, now: datetime) -> Change:
    return _finish(token, now, status=OutboxStatus.SENT, provider_message_id=provider_message_id,
                   sent_at=now)  # fmt: skip


def failed(token: str, error_code: int | None, now: datetime, reason: str | None = None) -> Change:
    return _finish(token, now, status=OutboxStatus.FAILED, error_code=error_code,
                   failure_reason=reason)  # fmt: skip


def retry_later(
    token: str, until: datetime, error_code: int | None, now: datetime, uncertain: bool = False
) -> Change:
    """Give the lease back, due again at ``until`` (a backoff), remembering why.

    ``uncertain``: the attempt may have reached Meta, so ``sending_at`` is kept (the wait for
    Meta's status counts from it); otherwise nothing went out and it is cleared.
    """

    def change(item: OutboxItem) -> OutboxItem | None:
        if item.status is not OutboxStatus.PENDING or item.claim_token != token:
            return None
        return replace(item, claim_token=None, claim_expires_at=until, error_code=error_code,
                       sending_at=item.sending_at if uncertain else None,
                       updated_at=now)  # fmt: skip

    return change


def delivery(
    status: str, error_code: int | None, now: datetime, provider_message_id: str | None = None
) -> Change:
    """A status webhook; statuses never move backwards (read beats delivered beats sent).

    A pending item that Meta reports as sent (found by its callback data) was sent by an
    attempt that never learned it (a timeout, a crash): it is sent, never to be resent.
    """

    def change(item: OutboxItem) -> OutboxItem | None:
        if DELIVERY_RANK.get(status, 0) <= DELIVERY_RANK.get(item.delivery_status or "", 0):
            return None
        is_failure = status == "failed"
        confirmed = item.status is OutboxStatus.PENDING and not is_failure and provider_message_id
        return replace(
            item,
            delivery_status=status,
            error_code=error_code if is_failure else item.error_code,
            status=OutboxStatus.FAILED
            if is_failure
            else OutboxStatus.SENT
            if confirmed
            else item.status,
            provider_message_id=provider_message_id if confirmed else item.provider_message_id,
            claim_token=None if confirmed else item.claim_token,
            claim_expires_at=None if confirmed else item.claim_expires_at,
            sending_at=None if confirmed else item.sending_at,
            sent_at=now if confirmed else item.sent_at,
            updated_at=now,
        )

    return change


class DeliveryRecorder:
    """Shared store methods for any backend that can find an item and update it atomically."""

    async def find_by_provider_id(self, provider_message_id: str) -> OutboxItem | None:
        raise NotImplementedError

    async def _update(self, user_key: str, item_id: str, change: Change) -> OutboxItem | None:
        raise NotImplementedError

    async def claim(
        self, user_key: str, item_id: str, token: str, now: datetime, until: datetime
    ) -> OutboxItem | None:
        return await self._update(user_key, item_id, claim(token, now, until))

    async def mark_sent(
        self, user_key: str, item_id: str, token: str, provider_message_id: str, now: datetime
    ) -> bool:
        change = sent(token, provider_message_id, now)
        return await self._update(user_key, item_id, change) is not None

    async def mark_sending(
        self, user_key: str, item_id: str, token: str, now: datetime
    ) -> OutboxItem | None:
        return await self._update(user_key, item_id, sending(token, now))

    async def mark_failed(
        self, user_key: str, item_id: str, token: str, error_code: int | None, now: datetime,
        *, reason: str | None = None,
    ) -> bool:  # fmt: skip
        change = failed(token, error_code, now, reason)
        return await self._update(user_key, item_id, change) is not None

    async def release(
        self, user_key: str, item_id: str, token: str, *,
        until: datetime, error_code: int | None, now: datetime, uncertain: bool = False,
    ) -> bool:  # fmt: skip
        change = retry_later(token, until, error_code, now, uncertain)
        return await self._update(user_key, item_id, change) is not None

    async def record_delivery(
        self, provider_message_id: str, status: str, error_code: int | None, now: datetime,
        item_ref: tuple[str, str] | None = None,
    ) -> DeliveryUpdate | None:  # fmt: skip
        """Apply a status; ``item_ref`` (user_key, item_id) comes from the callback data."""
        if item_ref is None:
            item = await self.find_by_provider_id(provider_message_id)
            if item is None:
                return None
            item_ref = (item.user_key, item.item_id)
        seen: list[OutboxItem] = []
        change = delivery(status, error_code, now, provider_message_id)

        def watched(item: OutboxItem) -> OutboxItem | None:
            seen[:] = [item]
            return change(item)

        new = await self._update(*item_ref, watched)
        if new is None:
            return None
        was_pending = seen[0].status is OutboxStatus.PENDING
        return DeliveryUpdate(new, confirmed=was_pending and new.status is OutboxStatus.SENT)
