"""The production graph end to end: signed webhook → Firestore emulator (+ readiness)."""

import httpx
import pytest

from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.application.replies.delivery_rules import history as both_ways
from pyloto_corp.bootstrap import build_app
from pyloto_corp.infra.settings import DEV_PLACEHOLDER
from tests.conftest import make_settings
from tests.e2e.test_webhook_storage import USER_KEY, inbound
from tests.support import meta

pytestmark = [pytest.mark.anyio, pytest.mark.firestore]


async def test_signed_webhook_is_stored_in_firestore(
    firestore_emulator, monkeypatch, shared_event_loop
):
    """With STORAGE_BACKEND=firestore the message is stored before the 200, once."""
    firestore_emulator.wipe()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    settings = make_settings(storage_backend="firestore", firestore_project_id="demo-test")
    assert settings.pepper_secret.get_secret_value() == DEV_PLACEHOLDER
    app = build_app(settings)
    body = meta.meta_bytes(meta.envelope([meta.message(text={"body": "Olá, Pyloto! 🚚"})]))
    headers = {"X-Hub-Signature-256": meta.sign(body)}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pyloto") as client:
        assert (await client.get("/readyz")).json()["checks"]["storage"] == "ok"
        assert (await client.post("/webhooks/whatsapp", content=body, headers=headers)).json()[
            "processed"
        ] == 1
        again = await client.post("/webhooks/whatsapp", content=body, headers=headers)
        assert again.json()["duplicates"] == 1
    storage = build_firestore_storage("demo-test")
    history = both_ways(
        await storage.conversations.list_messages(USER_KEY),
        await storage.outbox.list_for_user(USER_KEY),
    )
    [stored] = inbound(history)
    assert stored.text == "Olá, Pyloto! 🚚"
    assert {m.direction for m in history} == {"in", "out"}
    header = await storage.conversations.get_header(USER_KEY)
    assert header.last_message_at == stored.sent_at  # the clocks follow the person
