"""The handoff flow on the Firestore emulator (the production storage), webhook destination.

A scripted conversation to a handoff delivers one signed ``handoff.created``; a later
message is forwarded with no menu; an agent reply through the ops API reaches the person;
a release returns the person to the bot.
"""

from __future__ import annotations

import httpx
import pytest

from pyloto_corp.bootstrap import Overrides, build_app
from tests.support import meta
from tests.support.handoff_flow import (
    ACK,
    LOOP_SECONDS,
    PHONE,
    TO_HANDOFF,
    Clock,
    handoff_settings,
)
from tests.support.ops import OPS_KEY
from tests.support.team_receiver import Receiver
from tests.support.waiting import eventually

pytestmark = [pytest.mark.anyio, pytest.mark.firestore]
AUTH = {"Authorization": f"Bearer {OPS_KEY}"}


@pytest.fixture
async def client(firestore_emulator, monkeypatch, shared_event_loop, tmp_path, *, fake_graph,
                 receiver):  # fmt: skip
    firestore_emulator.wipe()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    clock = Clock()
    settings = handoff_settings(tmp_path, fake_graph, storage_backend="firestore",
                                firestore_project_id="demo-test", handoff_backend="webhook",
                                handoff_webhook_url=receiver.url,
                                handoff_webhook_secret=receiver.secret,
                                outbox_retry_interval_seconds=LOOP_SECONDS)  # fmt: skip
    app = build_app(settings, Overrides(clock=clock))
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),  # the retry loops run, as in `pyloto-corp serve`
        httpx.AsyncClient(transport=transport, base_url="http://pyloto") as built,
    ):
        built.clock = clock  # the test moves it with the messages
        yield built


async def say(client: httpx.AsyncClient, *lines: str) -> None:
    for line in lines:
        msg = meta.message(ts=int(client.clock.now.timestamp()), text={"body": line})
        body = meta.meta_bytes(meta.envelope([msg]))
        answer = await client.post("/webhooks/whatsapp", content=body,
                                   headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        assert answer.status_code == 200, answer.text
        client.clock.advance(seconds=20)


async def arrived(client, receiver: Receiver, kind: str, count: int = 1) -> list[dict]:
    async def look() -> list[dict]:
        client.clock.advance(seconds=3)  # an event waiting behind an earlier one comes due
        return receiver.accepted(kind)

    seen = await eventually(look, lambda got: len(got) >= count, f"{count} x {kind}")
    return seen[:count]


async def test_the_whole_takeover_on_firestore(client, receiver, fake_graph):
    await say(client, *TO_HANDOFF)
    [created] = await arrived(client, receiver, "handoff.created")
    assert created["contact"]["phone"] == PHONE and created["routing"] == "sales_custom_software"
    before = len(fake_graph.sent)
    await say(client, "obrigado", "cadê o atendente?")
    forwarded = await arrived(client, receiver, "conversation.message", 2)
    assert [m["message"]["text"] for m in forwarded] == ["obrigado", "cadê o atendente?"]
    got = fake_graph.sent[before:]
    assert len(got) == 1 and got[0]["type"] == "text" and ACK in got[0]["text"]["body"]
    path = f"/v1/handoffs/{created['handoff_id']}"
    reply = await client.post(path + "/messages", json={"text": "Oi! Aqui é o Pedro."},
                              headers=AUTH)  # fmt: skip
    assert reply.status_code == 202, reply.text
    assert fake_graph.sent[-1]["text"]["body"] == "Oi! Aqui é o Pedro."
    assert (await client.post(path + "/release", headers=AUTH)).status_code == 200
    assert (await client.post(path + "/release", headers=AUTH)).status_code == 409
    [released] = await arrived(client, receiver, "handoff.released")
    assert released["reason"] == "operator"
    before = len(fake_graph.sent)
    await say(client, "oi")
    assert fake_graph.sent[before:][-1]["type"] == "interactive"  # the bot and its menu again
    assert len(receiver.accepted("handoff.created")) == 1 and all(
        a.signed for a in receiver.attempts
    )
    await _listed_as_released(client, created["handoff_id"])


async def _listed_as_released(client: httpx.AsyncClient, handoff_id: str) -> None:
    answer = await client.get("/v1/handoffs", params={"status": "released"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    [row] = answer.json()["handoffs"]
    assert row["handoff_id"] == handoff_id and row["delivery"] == "delivered"
    opened = await client.get("/v1/handoffs", params={"status": "open"}, headers=AUTH)
    assert opened.json()["handoffs"] == []


async def test_a_retried_agent_message_is_sent_once_on_firestore(client, receiver, fake_graph):
    """The same Idempotency-Key twice: 202 queued, then 202 already_queued with nothing sent."""
    await say(client, *TO_HANDOFF)
    [created] = await arrived(client, receiver, "handoff.created")
    path = f"/v1/handoffs/{created['handoff_id']}/messages"
    headers = {**AUTH, "Idempotency-Key": "equipe-0001"}
    first = await client.post(path, json={"text": "Oi! Aqui é o Pedro."}, headers=headers)
    assert first.status_code == 202 and first.json()["status"] == "queued", first.text
    sent = len(fake_graph.sent)
    again = await client.post(path, json={"text": "Oi! Aqui é o Pedro."}, headers=headers)
    assert again.status_code == 202 and again.json()["status"] == "already_queued", again.text
    assert len(fake_graph.sent) == sent
