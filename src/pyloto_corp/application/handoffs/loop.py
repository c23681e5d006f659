"""The handoff loop: every few seconds, release takeovers past their window and deliver
what is due again."""

from __future__ import annotations

import asyncio

import structlog

from pyloto_corp.application.handoffs.desk import HandoffDesk

log = structlog.get_logger(__name__)


async def retry_handoffs_forever(desk: HandoffDesk, interval_seconds: float, actor: str) -> None:
    """Runs until cancelled; a failing pass is logged and the next one tries again."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            await desk.expire(actor)
            report = await desk.handoffs.retry_due()
        except Exception as exc:  # noqa: BLE001 - the loop must survive a store outage
            log.warning("handoff.retry_pass_failed", error=type(exc).__name__)
            continue
        if report.delivered or report.failed or report.deferred:
            log.info("handoff.retry_pass", delivered=report.delivered, failed=report.failed,
                     deferred=report.deferred)  # fmt: skip
