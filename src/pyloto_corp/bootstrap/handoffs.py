"""Handoff wiring: the destination (HANDOFF_BACKEND), delivery, takeovers and leads."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

import httpx

from pyloto_corp.adapters.handoffs.chatwoot import (
    ChatwootAgentReply,
    ChatwootNotifier,
    ChatwootResolved,
    parse_chatwoot_webhook,
)
from pyloto_corp.adapters.handoffs.log import LogNotifier
from pyloto_corp.adapters.handoffs.webhook import WebhookNotifier
from pyloto_corp.application.handoffs.deliver import DeliverHandoffs, HandoffLimits
from pyloto_corp.application.handoffs.desk import AgentReply, HandoffDesk, Resolved
from pyloto_corp.application.handoffs.leads import ListLeads
from pyloto_corp.application.handoffs.loop import retry_handoffs_forever
from pyloto_corp.application.handoffs.ports import HandoffNotifier
from pyloto_corp.application.handoffs.takeover import Takeovers
from pyloto_corp.application.ids import new_id
from pyloto_corp.application.media.fetch_media import FetchMedia, retry_media_forever
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox
from pyloto_corp.application.replies.outbox_loop import retry_forever
from pyloto_corp.application.storage import Storage
from pyloto_corp.bootstrap.egress import build_delivery
from pyloto_corp.infra.settings import Settings


def build_notifier(settings: Settings) -> HandoffNotifier:
    if settings.handoff_backend == "log":
        return LogNotifier()
    client = httpx.AsyncClient(timeout=settings.handoff_timeout_seconds)
    if settings.handoff_backend == "webhook":
        secret = settings.handoff_webhook_secret.get_secret_value().encode()
        return WebhookNotifier(client, url=settings.handoff_webhook_url, secret=secret)
    return ChatwootNotifier(
        client,
        base_url=settings.chatwoot_base_url.rstrip("/"),
        account_id=settings.chatwoot_account_id,
        inbox_id=settings.chatwoot_inbox_id,
        api_token=settings.chatwoot_api_token.get_secret_value(),
    )


def build_handoff_delivery(
    settings: Settings, storage: Storage, clock: Callable[[], datetime],
    notifier: HandoffNotifier | None = None,
) -> DeliverHandoffs:  # fmt: skip
    limits = HandoffLimits(max_attempts=settings.handoff_max_attempts,
                           lease=timedelta(seconds=settings.outbox_lease_seconds))  # fmt: skip
    return DeliverHandoffs(storage, notifier or build_notifier(settings), clock=clock,
                           new_token=new_id, actor=settings.bot_persona_name,
                           limits=limits)  # fmt: skip


def build_desk(
    settings: Settings, storage: Storage, clock: Callable[[], datetime],
    handoffs: DeliverHandoffs, replies: DeliverOutbox | None,
) -> HandoffDesk:  # fmt: skip
    return HandoffDesk(Takeovers(storage, clock=clock), ListLeads(storage, clock=clock),
                       handoffs, replies)  # fmt: skip


def background_loops(
    settings: Settings, delivery: DeliverOutbox, desk: HandoffDesk, fetch: FetchMedia | None
) -> tuple[Callable[[], Coroutine[Any, Any, None]], ...]:
    """The retry loops (replies, handoffs, media); none when the interval is 0 (tests)."""
    interval, actor = settings.outbox_retry_interval_seconds, settings.bot_persona_name
    if interval <= 0:
        return ()
    loops: tuple = (lambda: retry_forever(delivery, interval),
                    lambda: retry_handoffs_forever(desk, interval, actor))  # fmt: skip
    if fetch is not None:
        loops += (lambda: retry_media_forever(fetch, interval),)
    return loops


def chatwoot_action(body: Any) -> AgentReply | Resolved | None:
    """Chatwoot's webhook as a desk action: an agent's public answer, or a resolution."""
    found = parse_chatwoot_webhook(body)
    if isinstance(found, ChatwootAgentReply):
        return AgentReply(found.handoff_id, found.text, f"cw-{found.chatwoot_message_id}")
    if isinstance(found, ChatwootResolved):
        return Resolved(found.handoff_id, "chatwoot_resolved")
    return None


async def with_desk(
    settings: Settings, storage: Storage, clock: Callable[[], datetime],
    work: Callable[[HandoffDesk], Coroutine[Any, Any, Any]],
) -> Any:  # fmt: skip
    """A desk for one command (CLI): its deliveries closed when ``work`` is done."""
    handoffs = build_handoff_delivery(settings, storage, clock)
    replies = build_delivery(settings, storage, clock)
    try:
        return await work(build_desk(settings, storage, clock, handoffs, replies))
    finally:
        await handoffs.aclose()
        await replies.aclose()
