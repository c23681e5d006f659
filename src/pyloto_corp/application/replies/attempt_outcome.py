"""What a failed attempt leaves: the item failed for good, or released to wait.

An uncertain attempt (Meta may have sent it) is released keeping ``sending_at`` and waits
``uncertain_wait`` for Meta's status webhook, which marks it sent; the others back off.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from pyloto_corp.application.replies import delivery_rules as rules
from pyloto_corp.application.replies import send_errors as e
from pyloto_corp.application.replies.delivery_rules import DeliveryLimits
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.records import OutboxItem

log = structlog.get_logger(__name__)


async def fail_or_release(
    storage: Storage, item: OutboxItem, token: str, error: e.SendError, *,
    now: datetime, limits: DeliveryLimits, until: datetime | None = None,
) -> bool:  # fmt: skip
    """True when the item failed for good; False when it was released to wait (``until``)."""
    ids = {"user_key": item.user_key, "outbox_item": item.item_id}
    uncertain = error.retry == "uncertain"
    # An uncertain attempt may have been delivered: it never spends the attempts (the 24 h
    # window bounds it), or an outage that only delayed confirmations would drop replies.
    spent = item.attempts >= limits.max_attempts and not uncertain
    if error.retry == "never" or spent:
        await storage.outbox.mark_failed(
            item.user_key, item.item_id, token, error.code, now, reason=error.reason
        )
        level = log.error if error.alert else log.warning
        level("outbox.failed", error=type(error).__name__, code=error.code,
              reason=error.reason, **ids)  # fmt: skip
        if isinstance(error, e.WindowClosed):
            await storage.conversations.close_window(item.user_key, now)
        return True
    if until is None and uncertain:
        until = now + limits.uncertain_wait  # ``sending`` was recorded just before the call
    elif until is None:
        until = now + timedelta(seconds=rules.backoff(error, item.attempts) * limits.backoff_scale)
    await storage.outbox.release(item.user_key, item.item_id, token, until=until,
                                 error_code=error.code, now=now, uncertain=uncertain)  # fmt: skip
    log.warning("outbox.deferred", error=type(error).__name__, code=error.code,
                delay_seconds=round((until - now).total_seconds(), 1), **ids)  # fmt: skip
    return False
