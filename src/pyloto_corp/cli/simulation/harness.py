"""Where the conversation runs: the whole service in this process, or a server at ``--url``.

In-process, the service is wired by the real composition root (embedded backends, the
simulated clock, a recording sender) and reached over HTTP through the ASGI transport,
so every message goes through signature, dedupe, storage, engine and outbox.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from pyloto_corp.adapters.whatsapp.console_sender import ConsoleSender
from pyloto_corp.api.app import create_app
from pyloto_corp.application.handoffs.desk import HandoffDesk
from pyloto_corp.application.inbound.sweep_sessions import SweepIdleSessions
from pyloto_corp.application.storage import Storage
from pyloto_corp.bootstrap import (
    Overrides,
    build_dependencies,
    build_engine,
    build_storage,
    build_sweep,
)
from pyloto_corp.cli.simulation.clock import SimClock
from pyloto_corp.cli.simulation.recording import RecordingNotifier
from pyloto_corp.infra.settings import Settings

LOCAL_URL = "http://simulador.local"


class FaultyEngine:
    """The real engine, which fails once on the next message when armed (FAILED_INTERNAL)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.armed = False

    def handle(self, *args: Any, **kwargs: Any) -> Any:
        if self.armed:
            self.armed = False
            raise RuntimeError("falha injetada pelo simulador")
        return self._engine.handle(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


@dataclass(slots=True)
class Harness:
    client: httpx.AsyncClient
    storage: Storage
    settings: Settings
    sweep: SweepIdleSessions | None = None
    engine: FaultyEngine | None = None
    desk: HandoffDesk | None = None  # the team's side (local mode only)
    notifier: Any = None  # the recording destination of handoff notifications

    @property
    def secret(self) -> bytes:
        return self.settings.whatsapp_webhook_secret.get_secret_value().encode()

    @property
    def pepper(self) -> bytes:
        return self.settings.pepper_secret.get_secret_value().encode()


@asynccontextmanager
async def in_process(settings: Settings, clock: SimClock) -> AsyncIterator[Harness]:
    storage = build_storage(settings)
    engine = FaultyEngine(build_engine(settings))
    notifier = RecordingNotifier()
    overrides = Overrides(storage=storage, clock=clock, sender=ConsoleSender(), engine=engine,
                          notifier=notifier)  # fmt: skip
    deps = build_dependencies(settings, overrides)
    app = create_app(deps)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=LOCAL_URL) as client,
    ):
        yield Harness(client, storage, settings, build_sweep(settings, storage, clock), engine,
                      deps.ops.desk if deps.ops is not None else None, notifier)  # fmt: skip


@asynccontextmanager
async def remote(settings: Settings, url: str) -> AsyncIterator[Harness]:
    """A running server; its replies are read from the storage both of them use."""
    storage = build_storage(settings)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
            yield Harness(client, storage, settings)
    finally:
        await storage.close()
