"""Outbox state rules shared by every backend: pure changes over an OutboxItem.

Each change returns the new item, or None when the transition is not allowed
(then the backend writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from pyloto_corp.adapters.storage.codec import DELIVERY_RANK
from pyloto_corp.domain.records import OutboxItem, OutboxStatus

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
        return replace(item, claim_token=None, claim_expires_at=None, updated_at=now, **fields)

    return change


def sent(token: str, provider_message_id: str, now: datetime) -> Change:
    return _finish(token, now, status=OutboxStatus.SENT, provider_message_id=provider_message_id)


def failed(token: str, error_code: int | None, now: datetime) -> Change:
    return _finish(token, now, status=OutboxStatus.FAILED, error_code=error_code)


def retry_later(token: str, until: datetime, error_code: int | None, now: datetime) -> Change:
    """Give the lease back, due again at ``until`` (a backoff), remembering why."""

    def change(item: OutboxItem) -> OutboxItem | None:
        if item.status is not OutboxStatus.PENDING or item.claim_token != token:
            return None
        return replace(item, claim_token=None, claim_expires_at=until, error_code=error_code,
                       updated_at=now)  # fmt: skip

    return change


def delivery(status: str, error_code: int | None, now: datetime) -> Change:
    """A status webhook; statuses never move backwards (read beats delivered beats sent)."""

    def change(item: OutboxItem) -> OutboxItem | None:
        if DELIVERY_RANK.get(status, 0) <= DELIVERY_RANK.get(item.delivery_status or "", 0):
            return None
        is_failure = status == "failed"
        return replace(
            item,
            delivery_status=status,
            error_code=error_code if is_failure else item.error_code,
            status=OutboxStatus.FAILED if is_failure else item.status,
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

    async def mark_failed(
        self, user_key: str, item_id: str, token: str, error_code: int | None, now: datetime
    ) -> bool:
        change = failed(token, error_code, now)
        return await self._update(user_key, item_id, change) is not None

    async def release(
        self, user_key: str, item_id: str, token: str, *,
        until: datetime, error_code: int | None, now: datetime,
    ) -> bool:  # fmt: skip
        change = retry_later(token, until, error_code, now)
        return await self._update(user_key, item_id, change) is not None

    async def record_delivery(
        self, provider_message_id: str, status: str, error_code: int | None, now: datetime
    ) -> bool:
        item = await self.find_by_provider_id(provider_message_id)
        if item is None:
            return False
        change = delivery(status, error_code, now)
        return await self._update(item.user_key, item.item_id, change) is not None
