"""What the HTTP layer needs, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from pyloto_corp.application.ingest_webhook import IngestWebhookEvents

ReadinessCheck = Callable[[], Awaitable[None]]
ShutdownHook = Callable[[], Awaitable[None]]
BackgroundLoop = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    app_secret: bytes = field(repr=False)
    verify_token: str = field(repr=False)
    phone_number_id: str
    max_body_bytes: int

    def __post_init__(self) -> None:
        if not self.app_secret:
            raise ValueError("the webhook app secret must not be empty")


@dataclass(frozen=True, slots=True)
class ApiDependencies:
    webhook: WebhookConfig
    ingest: IngestWebhookEvents
    readiness: dict[str, ReadinessCheck] = field(default_factory=dict)
    on_shutdown: tuple[ShutdownHook, ...] = ()
    background: tuple[BackgroundLoop, ...] = ()
