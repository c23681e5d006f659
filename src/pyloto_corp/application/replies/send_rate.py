"""The two send rates of a reply: the business number's, and the recipient's (pair limit)."""

from __future__ import annotations

from pyloto_corp.application.ports import Throttle
from pyloto_corp.application.replies.delivery_rules import DeliveryLimits
from pyloto_corp.domain.records import OutboxItem


class SendRate:
    def __init__(self, throttle: Throttle, limits: DeliveryLimits) -> None:
        self._throttle, self._limits = throttle, limits

    def _keys(self, item: OutboxItem) -> list[tuple[str, int, float]]:
        limits = self._limits
        return [(f"number:{limits.phone_number_id}", limits.number_per_second, 1.0),
                (f"recipient:{item.user_key}", limits.recipient_messages,
                 limits.recipient_window_seconds)]  # fmt: skip

    async def room(self, item: OutboxItem) -> float:
        """Seconds until ``item`` fits both rates (0: it fits now, and it is counted)."""
        for key, limit, window in self._keys(item):
            wait = await self._throttle.try_acquire(key, limit, window)
            if wait > 0:
                return wait
        return 0.0

    async def wait(self, item: OutboxItem) -> None:
        """Until ``item`` fits both rates (background delivery may wait)."""
        for key, limit, window in self._keys(item):
            await self._throttle.acquire(key, limit, window)
