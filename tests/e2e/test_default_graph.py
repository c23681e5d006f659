"""The graph exactly as production wires it: default processors, Redis dedupe, readiness."""

import importlib

import pytest
from fastapi.testclient import TestClient
from structlog.testing import capture_logs

from pyloto_corp.infra.logging import shared_processors
from tests.conftest import make_settings
from tests.support import meta
from tests.support.processes import free_port


@pytest.mark.pii_logs
def test_default_use_cases_store_and_log_ids_only(client_factory, deliver):
    """Without overrides, the inbound message is stored and only ids and kinds are logged."""
    client = client_factory()
    document = meta.envelope([meta.message()], statuses=[meta.status("wamid.S1", "read")])
    with capture_logs(processors=shared_processors()) as entries:
        assert deliver(document, client).status_code == 200
    stored = next(e for e in entries if e["event"] == "inbound.stored")
    assert stored["kind"] == "text" and len(stored["user_key"]) == 43
    status = next(e for e in entries if e["event"] == "status.accepted")
    assert (status["provider_message_id"], status["status"]) == ("wamid.S1", "read")


@pytest.mark.redis
def test_redis_backend_dedupes_across_two_app_instances(client_factory, deliver, redis_server):
    """Two instances sharing Redis process a redelivered message once; readyz checks Redis."""
    settings = make_settings(dedupe_backend="redis", redis_url=redis_server.url)
    first, second = client_factory(settings), client_factory(settings)
    document = meta.envelope([meta.message()])
    assert deliver(document, first).json()["processed"] == 1
    assert deliver(document, second).json()["duplicates"] == 1
    ready = second.get("/readyz").json()
    assert ready == {"status": "ready", "checks": {"dedupe": "ok", "storage": "ok"}}


def test_redis_down_fails_closed_with_503(client_factory, deliver):
    """If Redis cannot answer, the webhook answers 503 so Meta retries; readyz says so."""
    dead = f"redis://127.0.0.1:{free_port()}/0"
    client = client_factory(make_settings(dedupe_backend="redis", redis_url=dead))
    response = deliver(meta.envelope([meta.message()]), client)
    assert response.status_code == 503 and response.headers["retry-after"]
    assert response.json()["error"]["code"] == "temporarily_unavailable"
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"] == {"dedupe": "error", "storage": "ok"}


def test_uvicorn_entry_module_builds_the_app(monkeypatch):
    """`uvicorn pyloto_corp.main:app` finds an app built from the environment."""
    monkeypatch.setenv("WHATSAPP_WEBHOOK_SECRET", meta.APP_SECRET)
    module = importlib.import_module("pyloto_corp.main")
    with TestClient(module.app) as client:
        assert client.get("/readyz").status_code == 200
        assert client.get("/webhooks/whatsapp").status_code == 403
