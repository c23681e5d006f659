"""What the HTTP layer needs, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.application.handoffs.desk import AgentReply, HandoffDesk, Resolved
from pyloto_corp.application.inbound.ingest_webhook import IngestWebhookEvents
from pyloto_corp.application.ports import RateLimiter
from pyloto_corp.application.privacy.erase_subject import EraseSubjectData
from pyloto_corp.application.records.export_conversation import ExportConversationUseCase
from pyloto_corp.application.records.ops_keys import OpsKeyring

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
class OpsApi:
    """The authenticated ops endpoints: who may call, how often, and what they run."""

    keyring: OpsKeyring
    exports: ExportConversationUseCase
    limiter: RateLimiter
    requests_per_minute: int
    erasure: EraseSubjectData
    desk: HandoffDesk | None = None  # leads, agent replies, releases
    chatwoot_secret: str = ""  # the secret in Chatwoot's callback URL ("" = no route)
    chatwoot_signing_secret: str = ""  # when set, X-Chatwoot-Signature is required too
    chatwoot_action: Callable[[Any], AgentReply | Resolved | None] | None = None


@dataclass(frozen=True, slots=True)
class ApiDependencies:
    webhook: WebhookConfig
    ingest: IngestWebhookEvents
    ops: OpsApi | None = None
    readiness: dict[str, ReadinessCheck] = field(default_factory=dict)
    on_shutdown: tuple[ShutdownHook, ...] = ()
    background: tuple[BackgroundLoop, ...] = ()
