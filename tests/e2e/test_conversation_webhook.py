"""Multi-turn conversations through the signed webhook on the embedded backend."""

from __future__ import annotations

import asyncio

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.inbound.process_inbound_message import user_key_of
from pyloto_corp.domain.audit import decisions_in
from pyloto_corp.domain.messages import SenderIdKind, SenderRef
from tests.conftest import make_settings
from tests.support import meta

TS = 1_763_000_000


def post(client, msg: dict) -> None:
    body = meta.meta_bytes(meta.envelope([msg]))
    response = client.post(
        "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": meta.sign(body)}
    )
    assert response.status_code == 200, response.text


def text(body: str, ts: int, wamid: str | None = None) -> dict:
    return meta.message(wamid=wamid, ts=ts, text={"body": body})


def choice(reply_id: str, title: str, ts: int) -> dict:
    interactive = {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}}
    return meta.message("interactive", ts=ts, interactive=interactive)


def test_driver_signup_conversation_ends_in_one_handoff(client_factory, tmp_path) -> None:
    storage = build_sqlite_storage(str(tmp_path / "db.sqlite3"))
    client = client_factory(storage=storage)
    script = ["quero ser entregador", "Carlos", "Ponta Grossa", "moto", "noites e fins de semana"]
    for offset, line in enumerate(script):
        post(client, text(line, TS + offset * 30))
    post(client, choice("confirm_yes", "Sim, está certo", TS + 300))
    sessions, outbox, decisions, events = asyncio.run(_snapshot(storage))
    assert [s.outcome for s in sessions] == ["HANDOFF_HUMAN"]
    assert sessions[0].context["handoff"]["routing"] == "entrega_driver_onboarding"
    assert len(outbox) >= len(script) + 1 and len(decisions) >= 2
    contacts = [e.action for e in events if e.action != "HANDOFF_DELIVERED"]
    assert contacts == ["USER_CONTACT"] * (len(script) + 1)  # one per message (and the
    # delivery to the team, once it is done in the background)
    assert {"name", "city"} <= {f for e in events for f in e.details.get("profile_fields", [])}


def test_a_retried_webhook_never_double_sends(client_factory, tmp_path) -> None:
    storage = build_sqlite_storage(str(tmp_path / "db.sqlite3"))
    client = client_factory(storage=storage)
    first = text("oi", TS, wamid="wamid.RETRY1")
    post(client, first)
    _, before, _, _ = asyncio.run(_snapshot(storage))
    post(client, first)
    sessions, after, _, _ = asyncio.run(_snapshot(storage))
    assert [o.item_id for o in after] == [o.item_id for o in before] != []
    assert len(sessions) == 1 and sessions[0].context["applied"] == ["wamid.RETRY1"]


def test_reactions_get_no_answer(client_factory, tmp_path) -> None:
    storage = build_sqlite_storage(str(tmp_path / "db.sqlite3"))
    client = client_factory(storage=storage)
    post(client, meta.message("reaction", ts=TS, reaction={"message_id": "wamid.X", "emoji": "👍"}))
    sessions, outbox, _, _ = asyncio.run(_snapshot(storage))
    assert sessions == [] and outbox == []


async def _snapshot(storage):
    user_keys = {m.user_key for m in await _all_messages(storage)}
    sessions, outbox, decisions, events = [], [], [], []
    for key in user_keys:
        sessions += await storage.sessions.list_for_user(key)
        outbox += await storage.outbox.list_for_user(key)
        events += await storage.audit.list_events(key)
        decisions += decisions_in(events)
    return sessions, outbox, decisions, events


async def _all_messages(storage):
    pepper = make_settings().pepper_secret.get_secret_value().encode()
    key = user_key_of(pepper, SenderRef(SenderIdKind.WA_ID, meta.WA_ID))
    return await storage.conversations.list_messages(key)
