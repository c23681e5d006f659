"""The handoff retry loop: every few seconds, deliver what is due again."""

from __future__ import annotations

import asyncio

import structlog

from pyloto_corp.application.handoffs.deliver import DeliverHandoffs

log = structlog.get_logger(__name__)


async def retry_handoffs_forever(delivery: DeliverHandoffs, interval_seconds: float) -> None:
    """Runs until cancelled; a failing pass is logged and the next one tries again."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            report = await delivery.retry_due()
        except Exception as exc:  # noqa: BLE001 - the loop must survive a store outage
            log.warning("handoff.retry_pass_failed", error=type(exc).__name__)
            continue
        if report.delivered or report.failed or report.deferred:
            log.info("handoff.retry_pass", delivered=report.delivered, failed=report.failed,
                     deferred=report.deferred)  # fmt: skip
