"""The composition root: settings in, a fully wired application out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI

from pyloto_corp.adapters.language.resources import (
    bundled_gazetteer,
    bundled_reader,
    read_json,
)
from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.api.app import create_app
from pyloto_corp.api.dependencies import ApiDependencies, WebhookConfig
from pyloto_corp.application.handoffs.ports import HandoffNotifier
from pyloto_corp.application.ids import new_id
from pyloto_corp.application.inbound.converse import Converse
from pyloto_corp.application.inbound.ingest_webhook import IngestWebhookEvents
from pyloto_corp.application.inbound.process_inbound_message import (
    ProcessInboundMessage,
    ProcessStatusUpdate,
)
from pyloto_corp.application.inbound.sweep_sessions import SweepIdleSessions
from pyloto_corp.application.media.media_jobs import MediaSource
from pyloto_corp.application.media.media_store import MediaStore
from pyloto_corp.application.ports import (
    DedupeGate,
    InboundMessageProcessor,
    MessageSender,
    StatusUpdateProcessor,
)
from pyloto_corp.application.records.exports import ExportSink
from pyloto_corp.application.storage import Storage
from pyloto_corp.bootstrap.dedupe import build_dedupe
from pyloto_corp.bootstrap.egress import build_delivery, build_throttle
from pyloto_corp.bootstrap.errors import ConfigurationError
from pyloto_corp.bootstrap.exports import build_media_store, build_ops_api
from pyloto_corp.bootstrap.handoffs import background_loops, build_desk, build_handoff_delivery
from pyloto_corp.bootstrap.media import build_fetch_media
from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings


@dataclass(frozen=True, slots=True)
class Overrides:
    """Replacements for parts of the graph (tests and tools); None keeps the default."""

    messages: InboundMessageProcessor | None = None
    statuses: StatusUpdateProcessor | None = None
    dedupe: DedupeGate | None = None
    storage: Storage | None = None
    sender: MessageSender | None = None
    clock: Callable[[], datetime] | None = None
    export_sink: ExportSink | None = None
    media_store: MediaStore | None = None
    media_source: MediaSource | None = None
    engine: Engine | None = None
    notifier: HandoffNotifier | None = None


def utc_now() -> datetime:
    return datetime.now(UTC)


def check_settings(settings: Settings) -> None:
    problems = settings.configuration_problems()
    if problems:
        raise ConfigurationError("Configuração recusada; corrija: " + "; ".join(problems))


def build_storage(settings: Settings) -> Storage:
    if settings.storage_backend == "firestore":
        return build_firestore_storage(
            settings.firestore_project_id,
            settings.firestore_database,
            timeout=settings.firestore_timeout_seconds,
            keep=timedelta(days=settings.conversation_retention_days),
        )
    return build_sqlite_storage(settings.sqlite_path)


def build_engine(settings: Settings) -> Engine:
    """The conversation engine over the bundled, validated pt-BR content and language data."""
    config = EngineConfig(
        persona=settings.bot_persona_name,
        session_timeout=timedelta(minutes=settings.session_timeout_minutes),
        route_cooldown=timedelta(minutes=settings.route_cooldown_minutes),
        takeover=timedelta(hours=settings.human_takeover_hours),
    )
    content = Content.from_dict(read_json("content/pt_br.json"))
    return Engine(content, bundled_gazetteer(), config, reader=bundled_reader())


def build_converse(
    settings: Settings,
    storage: Storage,
    clock: Callable[[], datetime] = utc_now,
    engine: Engine | None = None,
) -> Converse:
    return Converse(
        storage,
        engine or build_engine(settings),
        clock=clock,
        new_id=new_id,
        actor=settings.bot_persona_name,
        lease_seconds=settings.outbox_lease_seconds,
    )


def build_sweep(
    settings: Settings, storage: Storage, clock: Callable[[], datetime] = utc_now
) -> SweepIdleSessions:
    engine = build_engine(settings)
    return SweepIdleSessions(storage, engine, clock=clock, actor=settings.bot_persona_name)


def build_dependencies(settings: Settings, overrides: Overrides | None = None) -> ApiDependencies:
    check_settings(settings)
    chosen = overrides or Overrides()
    if chosen.dedupe is not None:
        dedupe, shutdown = chosen.dedupe, ()
    else:
        dedupe, shutdown = build_dedupe(settings)
    storage = chosen.storage if chosen.storage is not None else build_storage(settings)
    clock = chosen.clock or utc_now
    pepper = settings.pepper_secret.get_secret_value().encode()
    throttle = build_throttle(settings)  # one per process: delivery and the ops API share it
    delivery = build_delivery(settings, storage, clock, chosen.sender, throttle)
    converse = build_converse(settings, storage, clock, chosen.engine)
    handoffs = build_handoff_delivery(settings, storage, clock, chosen.notifier)
    media_store = chosen.media_store or build_media_store(settings)
    fetch = build_fetch_media(settings, storage, clock, source=chosen.media_source,
                              store=media_store)  # fmt: skip
    messages = chosen.messages or ProcessInboundMessage(
        storage.conversations, pepper, clock, converse, delivery, media=fetch, handoffs=handoffs
    )
    statuses = chosen.statuses or ProcessStatusUpdate(storage, clock)
    ingest = IngestWebhookEvents(dedupe=dedupe, messages=messages, statuses=statuses)
    desk = build_desk(settings, storage, clock, handoffs, delivery)
    ops = build_ops_api(settings, storage, clock, throttle, sink=chosen.export_sink,
                        media=media_store, desk=desk)  # fmt: skip
    shutdown = (*shutdown, handoffs.aclose, *((fetch.aclose,) if fetch is not None else ()))
    webhook = WebhookConfig(
        app_secret=settings.whatsapp_webhook_secret.get_secret_value().encode(),
        verify_token=settings.whatsapp_verify_token.get_secret_value(),
        phone_number_id=settings.whatsapp_phone_number_id.strip(),
        max_body_bytes=settings.webhook_max_body_bytes,
    )
    return ApiDependencies(
        webhook=webhook,
        ingest=ingest,
        ops=ops,
        readiness={"dedupe": dedupe.ping, "storage": storage.ping},
        on_shutdown=(*shutdown, delivery.aclose, storage.close),
        background=background_loops(settings, delivery, desk, fetch),
    )


def build_app(settings: Settings | None = None, overrides: Overrides | None = None) -> FastAPI:
    """Configure logging and wire the whole service from settings."""
    settings = settings or Settings()
    configure_logging(
        json_logs=settings.json_logs,
        level=settings.log_level,
        project_id=settings.trace_project,
    )
    public_openapi = settings.environment != "production"
    return create_app(build_dependencies(settings, overrides), public_openapi=public_openapi)
