"""Egress wiring: the sender (console or Graph API), the throttle and outbox delivery."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from redis.asyncio import Redis

from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.throttle.redis import RedisThrottle
from pyloto_corp.adapters.whatsapp.console_sender import ConsoleSender
from pyloto_corp.adapters.whatsapp.graph_sender import GraphApiSender
from pyloto_corp.application.ids import new_id
from pyloto_corp.application.ports import MessageSender, Throttle
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox, DeliveryLimits
from pyloto_corp.application.storage import Storage
from pyloto_corp.infra.settings import Settings

POOL = httpx.Limits(max_connections=100, max_keepalive_connections=20)
CONSOLE_KEPT = 1000  # the console sender of a long-running server remembers its last replies


def build_sender(settings: Settings) -> MessageSender:
    if settings.sender_backend == "graph":
        client = httpx.AsyncClient(timeout=settings.graph_timeout_seconds, limits=POOL)
        return GraphApiSender(
            client,
            base_url=settings.graph_api_base_url,
            version=settings.graph_api_version,
            phone_number_id=settings.whatsapp_phone_number_id.strip(),
            token=settings.whatsapp_access_token.get_secret_value(),
        )
    return ConsoleSender(echo=settings.environment == "development", keep=CONSOLE_KEPT)


def build_throttle(settings: Settings) -> LocalThrottle | RedisThrottle:
    """Shared through Redis when Redis is configured; this process only otherwise."""
    if settings.redis_url:
        client = Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
        return RedisThrottle(client)
    return LocalThrottle()


def build_delivery(
    settings: Settings,
    storage: Storage,
    clock: Callable[[], datetime],
    sender: MessageSender | None = None,
    throttle: Throttle | None = None,
) -> DeliverOutbox:
    """Delivery owns the throttle: its ``aclose`` closes the throttle's Redis client too."""
    limits = DeliveryLimits(
        phone_number_id=settings.whatsapp_phone_number_id.strip() or "local",
        number_per_second=settings.outbound_rate_per_second,
        recipient_messages=settings.recipient_max_messages,
        recipient_window_seconds=settings.recipient_window_seconds,
        max_attempts=settings.outbox_max_attempts,
        lease=timedelta(seconds=settings.outbox_lease_seconds),
        backoff_scale=settings.outbox_backoff_scale,
        uncertain_wait=timedelta(seconds=settings.outbox_uncertain_wait_seconds),
    )
    return DeliverOutbox(
        storage,
        sender or build_sender(settings),
        throttle or build_throttle(settings),
        clock=clock,
        new_token=new_id,
        limits=limits,
    )
