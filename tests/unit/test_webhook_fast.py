"""The webhook's raw ASGI path: same limits and answers as the routed endpoint."""

from __future__ import annotations

import asyncio

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.requests import ClientDisconnect

from pyloto_corp.api.dependencies import ApiDependencies, WebhookConfig
from pyloto_corp.api.errors import PayloadTooLarge, answer_for, register_error_handlers
from pyloto_corp.api.signature import read_body
from pyloto_corp.api.webhook import build_webhook_router
from pyloto_corp.api.webhook_fast import WebhookFastPath
from pyloto_corp.application.errors import InvalidRequest, MessagesInFlight, StorageUnavailable
from tests.support import meta


def _receiver(*messages):
    queue = list(messages)

    async def receive():
        return queue.pop(0)

    return receive


def _chunk(body: bytes, more: bool = False) -> dict:
    return {"type": "http.request", "body": body, "more_body": more}


def test_body_in_chunks_is_joined():
    receive = _receiver(_chunk(b"ab", True), _chunk(b"cd"))
    assert asyncio.run(read_body(receive, "4", 10)) == b"abcd"


def test_declared_length_over_the_limit_is_refused_before_reading():
    with pytest.raises(PayloadTooLarge):
        asyncio.run(read_body(_receiver(), "11", 10))


def test_streamed_body_over_the_limit_is_refused():
    receive = _receiver(_chunk(b"x" * 6, True), _chunk(b"x" * 6))
    with pytest.raises(PayloadTooLarge):
        asyncio.run(read_body(receive, "", 10))


def test_client_gone_mid_body_is_a_disconnect():
    receive = _receiver(_chunk(b"x", True), {"type": "http.disconnect"})
    with pytest.raises(ClientDisconnect):
        asyncio.run(read_body(receive, "", 10))


def test_other_requests_go_on_to_the_application():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["path"])

    fast = WebhookFastPath(app, deps=None)  # type: ignore[arg-type]
    for scope in ({"type": "http", "method": "GET", "path": "/webhooks/whatsapp"},
                  {"type": "http", "method": "POST", "path": "/healthz"},
                  {"type": "lifespan", "path": ""}):  # fmt: skip
        asyncio.run(fast(scope, _receiver(), None))
    assert seen == ["/webhooks/whatsapp", "/healthz", ""]


def test_errors_get_the_registered_answers():
    assert answer_for(PayloadTooLarge("big")).status_code == 413
    assert answer_for(InvalidRequest("field", "bad")).status_code == 422
    unavailable = answer_for(StorageUnavailable("down"))
    assert unavailable.status_code == 503 and unavailable.headers["retry-after"] == "5"
    assert answer_for(MessagesInFlight(2)).status_code == 503
    assert answer_for(RuntimeError("boom")) is None


class _Report:
    def as_dict(self) -> dict:
        return {"messages": 1}


class _Ingest:
    async def execute(self, batch):
        return _Report()


def test_the_routed_endpoint_answers_like_the_fast_path():
    """Without the fast path (a bare router), POST still verifies, parses and ingests."""
    config = WebhookConfig(meta.APP_SECRET.encode(), "token", meta.PHONE_NUMBER_ID, 1000)
    app = FastAPI()
    register_error_handlers(app)
    app.include_router(build_webhook_router(ApiDependencies(config, _Ingest())))  # type: ignore[arg-type]
    body = meta.meta_bytes(meta.envelope([meta.message(text={"body": "oi"})]))
    client = TestClient(app)
    ok = client.post("/webhooks/whatsapp", content=body,
                     headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
    bad = client.post("/webhooks/whatsapp", content=body,
                      headers={"X-Hub-Signature-256": "sha256=" + "0" * 64})  # fmt: skip
    assert ok.json() == {"status": "ok", "messages": 1}
    assert bad.status_code == 403
