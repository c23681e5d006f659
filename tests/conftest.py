"""Shared fixtures: the app wired by the real composition root, and a real redis-server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import hypothesis
import pytest
import structlog
from fastapi.testclient import TestClient

from pyloto_corp.bootstrap import Overrides, build_app
from pyloto_corp.infra.settings import Settings
from tests.support import meta
from tests.support.fake_gcs import FakeGcsServer
from tests.support.fake_graph import FakeGraph
from tests.support.fakes import RecordingProcessor, RecordingStatuses
from tests.support.firestore_emulator import FirestoreEmulator
from tests.support.processes import RedisServer


@pytest.fixture(autouse=True)
def _own_logging_configuration() -> Iterator[None]:
    """Each test finds the logging set up as the one before it found it: a command run in
    process (``simulate`` logs at ERROR) must not hide the warnings a later test captures."""
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


# Tests never assert timings: no property test fails for being slow on a busy machine.
# The parent is the active profile (under CI, Hypothesis' own: derandomized, no database).
hypothesis.settings.register_profile("pyloto", hypothesis.settings(), deadline=None)
hypothesis.settings.load_profile("pyloto")


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "sqlite_path": ":memory:",
        "whatsapp_webhook_secret": meta.APP_SECRET,
        "whatsapp_verify_token": meta.VERIFY_TOKEN,
        "whatsapp_phone_number_id": meta.PHONE_NUMBER_ID,
        "log_format": "json",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def processor() -> RecordingProcessor:
    return RecordingProcessor()


@pytest.fixture
def statuses() -> RecordingStatuses:
    return RecordingStatuses()


@pytest.fixture
def client_factory() -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def build(settings: Settings | None = None, **overrides: Any) -> TestClient:
        app = build_app(settings or make_settings(), Overrides(**overrides))
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(client_factory, processor, statuses) -> TestClient:
    return client_factory(messages=processor, statuses=statuses)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def firestore_emulator() -> Iterator[FirestoreEmulator]:
    emulator = FirestoreEmulator()
    emulator.start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def fake_gcs_server() -> Iterator[FakeGcsServer]:
    server = FakeGcsServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fake_gcs(fake_gcs_server, monkeypatch) -> FakeGcsServer:
    """The emulator, with STORAGE_EMULATOR_HOST pointing the google-cloud-storage client at it."""
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", fake_gcs_server.url)
    return fake_gcs_server


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
async def shared_event_loop() -> AsyncIterator[None]:
    """Keep anyio's runner (one event loop) alive for the whole session.

    grpc-aio, under the Firestore client, binds to the first event loop it meets; a
    fresh loop per test would leave it calling into a closed one.
    """
    yield


@pytest.fixture(scope="session")
def fake_graph_server() -> Iterator[FakeGraph]:
    graph = FakeGraph().start()
    yield graph
    graph.stop()


@pytest.fixture
def fake_graph(fake_graph_server: FakeGraph) -> FakeGraph:
    fake_graph_server.reset()
    return fake_graph_server
