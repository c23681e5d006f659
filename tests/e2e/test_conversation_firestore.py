"""A whole conversation through the signed webhook on the Firestore emulator (production graph)."""

from __future__ import annotations

import httpx
import pytest

from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.bootstrap import build_app
from tests.conftest import make_settings
from tests.e2e.test_conversation_webhook import TS, choice, text
from tests.e2e.test_webhook_storage import USER_KEY
from tests.support import meta

pytestmark = [pytest.mark.anyio, pytest.mark.firestore]


async def test_driver_signup_on_firestore_ends_in_one_handoff_without_double_sends(
    firestore_emulator, monkeypatch, shared_event_loop
):
    firestore_emulator.wipe()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    app = build_app(make_settings(storage_backend="firestore", firestore_project_id="demo-test"))
    lines = ["quero ser entregador", "Carlos", "Ponta Grossa", "moto", "noites"]
    messages = [text(line, TS + n * 30, wamid=f"wamid.FS{n}") for n, line in enumerate(lines)]
    messages.append(choice("confirm_yes", "Sim, está certo", TS + 300))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pyloto") as client:
        for message in messages:
            await _post(client, message)
        storage = build_firestore_storage("demo-test")
        sent = await storage.outbox.list_for_user(USER_KEY)
        await _post(client, messages[-1])
        assert await storage.outbox.list_for_user(USER_KEY) == sent
    [session] = await storage.sessions.list_for_user(USER_KEY)
    assert session.outcome == "HANDOFF_HUMAN" and session.version == len(messages)
    assert session.context["handoff"]["requirements"]["city"] == "Ponta Grossa"
    assert len(sent) == len(messages) + 1  # the explanation and the first question, then one each
    assert (await storage.leads.get(USER_KEY)).phone == "+" + meta.WA_ID


async def _post(client: httpx.AsyncClient, message: dict) -> None:
    body = meta.meta_bytes(meta.envelope([message]))
    response = await client.post(
        "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": meta.sign(body)}
    )
    assert response.status_code == 200, response.text
