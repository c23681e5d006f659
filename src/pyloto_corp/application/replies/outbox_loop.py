"""The outbox retry loop: every few seconds, send what is due again (backoffs, lost leases).

It also wakes as soon as a webhook leaves replies for later (the send rate was full), so
those go out when the rate allows instead of at the next tick.
"""

from __future__ import annotations

import structlog

from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox

log = structlog.get_logger(__name__)


async def retry_forever(delivery: DeliverOutbox, interval_seconds: float) -> None:
    """Runs until cancelled; a failing pass is logged and the next one tries again."""
    while True:
        await delivery.deferred.wait(interval_seconds)
        try:
            report = await delivery.retry_due()
        except Exception as exc:  # noqa: BLE001 - the loop must survive a store outage
            log.warning("outbox.retry_pass_failed", error=type(exc).__name__)
            continue
        if report.sent or report.failed or report.deferred:
            log.info("outbox.retry_pass", sent=report.sent, failed=report.failed,
                     deferred=report.deferred)  # fmt: skip
