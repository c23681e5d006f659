"""Handoffs reach the team over a signed webhook (embedded backends, real HTTP both ways).

A person writes through the signed Meta webhook until a handoff; a receiver on loopback
verifies every ``X-Pyloto-Signature`` against the raw body; the person's later messages
are forwarded while the bot stays quiet; the team answers and releases through the ops
API; the person is then back with the bot.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import jsonschema_rs
import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from tests.support import meta
from tests.support.handoff_flow import (
    ACK,
    CREATED_FIELDS,
    LOOP_SECONDS,
    PHONE,
    TO_HANDOFF,
    handoff_settings,
    leads,
    ops,
    received,
    say,
)
from tests.support.waiting import wait_for

SCHEMA = Path(__file__).parents[2] / "docs" / "handoff-event.schema.json"


@pytest.fixture
def settings(tmp_path, fake_graph, receiver):
    return handoff_settings(tmp_path, fake_graph, handoff_backend="webhook",
                            handoff_webhook_url=receiver.url,
                            handoff_webhook_secret=receiver.secret,
                            outbox_retry_interval_seconds=LOOP_SECONDS)  # fmt: skip


@pytest.fixture
def client(client_factory, settings, clock):
    return client_factory(settings, clock=clock)


@pytest.fixture
def handoff(client, clock, receiver) -> dict:
    """The conversation up to the handoff; the ``handoff.created`` the team received."""
    say(client, clock, *TO_HANDOFF)
    [created] = receiver.wait("handoff.created")
    return created


def test_one_signed_handoff_created_carries_what_the_team_needs(handoff, client, receiver):
    """Exactly one handoff.created, signed, with the documented fields and the full contact."""
    assert set(handoff) >= CREATED_FIELDS and handoff["event"] == "handoff.created"
    assert set(handoff["contact"]) == {"name", "phone", "city", "business_name", "role"}
    assert handoff["contact"]["phone"] == PHONE  # E.164, sent on purpose to the team
    assert handoff["contact"]["name"] == "Ana Souza"  # WhatsApp's profile name, none told
    assert handoff["contact"]["city"] == "Curitiba"
    assert handoff["contact"]["business_name"] == "Pão Quente"
    assert handoff["routing"] == "sales_custom_software"
    assert handoff["intent_primary"] == "CUSTOM_SOFTWARE"
    assert "CUSTOM_SOFTWARE" in handoff["intents_detected"]
    assert "human_requested" in handoff["qualification_reasons"]
    assert handoff["qualification_level"] in {"low", "medium", "high"}
    assert handoff["requirements"]["city"] == "Curitiba" and "Curitiba" in handoff["summary"]
    [row] = leads(client)
    assert (row["handoff_id"], row["session_id"]) == (handoff["handoff_id"], handoff["session_id"])
    assert row["delivery"] == "delivered" and row["user_key"] == handoff["user_key"]
    [attempt] = receiver.attempts
    assert attempt.signed and attempt.event == "handoff.created"
    assert attempt.key == handoff["event_id"] and attempt.key.startswith(handoff["handoff_id"])


def test_later_messages_go_to_the_team_and_the_bot_acknowledges_once(
    handoff, client, clock, receiver, fake_graph
):
    """Forwarded in order as conversation.message; one acknowledgement, no menu, no new lead."""
    before = len(fake_graph.sent)
    say(client, clock, "obrigado", "cadê o atendente?", "quero falar com um atendente")
    forwarded = receiver.wait("conversation.message", 3, tick=lambda: clock.advance(seconds=3))
    assert [m["message"]["text"] for m in forwarded] == [
        "obrigado", "cadê o atendente?", "quero falar com um atendente"]  # fmt: skip
    assert {m["handoff_id"] for m in forwarded} == {handoff["handoff_id"]}
    assert all(m["contact"]["phone"] == PHONE for m in forwarded)
    got = received(fake_graph, before)
    assert len(got) == 1 and got[0][0] == "text" and ACK in got[0][1]
    assert len(receiver.accepted("handoff.created")) == 1 and len(leads(client)) == 1
    keys = [a.key for a in receiver.attempts]
    assert len(keys) == len(set(keys)) == 4 and all(a.signed for a in receiver.attempts)


def test_a_redelivered_message_is_forwarded_once(handoff, client, clock, receiver):
    """Meta retries a webhook during the takeover: the team hears the message once."""
    msg = meta.message(ts=int(clock.now.timestamp()), text={"body": "alô?"})
    body = meta.meta_bytes(meta.envelope([msg]))
    for _ in range(2):
        answer = client.post("/webhooks/whatsapp", content=body,
                             headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        assert answer.status_code == 200
    receiver.wait("conversation.message")
    say(client, clock, "tem alguém aí?")
    moving = receiver.wait("conversation.message", 2, tick=lambda: clock.advance(seconds=3))
    texts = [m["message"]["text"] for m in moving]
    assert texts == ["alô?", "tem alguém aí?"]


def test_agent_reply_and_release_give_the_person_back_to_the_bot(
    handoff, client, clock, *, receiver, fake_graph, settings
):
    """The ops API answers on WhatsApp; a release tells the team and the bot greets again."""
    handoff_id = handoff["handoff_id"]
    sent = ops(client, "POST", f"/v1/handoffs/{handoff_id}/messages",
               {"text": "Oi! Aqui é o Pedro, da Pyloto."})  # fmt: skip
    assert sent.status_code == 202, sent.text
    assert sent.json()["status"] == "queued" and len(sent.json()["items"]) == 1
    last = fake_graph.sent[-1]
    assert (
        last["to"] == PHONE.lstrip("+") and last["text"]["body"] == "Oi! Aqui é o Pedro, da Pyloto."
    )
    answer = ops(client, "POST", f"/v1/handoffs/{handoff_id}/release", {"reason": "resolvido"})
    assert answer.status_code == 200 and answer.json()["status"] == "released"
    [released] = receiver.wait("handoff.released", tick=lambda: clock.advance(seconds=3))
    assert released["handoff_id"] == handoff_id and released["reason"] == "resolvido"
    before = len(fake_graph.sent)
    say(client, clock, "oi")
    got = received(fake_graph, before)
    assert got[-1][0] == "interactive"  # the menu again
    assert not any(ACK in text for _, text in got)
    assert receiver.accepted("conversation.message") == []
    [row] = leads(client)
    assert (row["takeover"], row["release_reason"]) == ("released", "resolvido")
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for body in receiver.accepted():  # every event as docs/handoff-event.schema.json says
        validator.validate(body)
    actions = asyncio.run(_audit_actions(settings, handoff["user_key"]))
    assert {"HANDOFF_DELIVERED", "HUMAN_MESSAGE", "HANDOFF_RELEASED"} <= set(actions)
    assert actions.count("HANDOFF_DELIVERED") == 1


def test_the_takeover_ends_when_its_window_passes(handoff, client, clock, *, receiver, fake_graph,
                                                 settings):  # fmt: skip
    """After HUMAN_TAKEOVER_HOURS (the team answered) the next message gets the bot (greeting
    and menu), and the loop tells the team: handoff.released with reason expired."""
    answer = ops(client, "POST", f"/v1/handoffs/{handoff['handoff_id']}/messages", {"text": "Oi!"})
    assert answer.status_code == 202
    clock.advance(hours=settings.human_takeover_hours, minutes=1)
    before = len(fake_graph.sent)
    say(client, clock, "oi")
    got = received(fake_graph, before)
    assert got[-1][0] == "interactive" and not any(ACK in text for _, text in got)
    [released] = receiver.wait("handoff.released", tick=lambda: clock.advance(seconds=3))
    assert released["reason"] == "expired" and receiver.accepted("conversation.message") == []
    row = wait_for(lambda: leads(client, since="30d")[0], lambda r: r["takeover"] == "released",
                   "the lead released")  # fmt: skip
    assert row["release_reason"] == "expired"
    answer = ops(client, "POST", f"/v1/handoffs/{handoff['handoff_id']}/release")
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "already_released"


def test_an_opt_out_ends_the_takeover_and_the_team_hears_it(handoff, client, clock, *,
                                                            receiver, fake_graph):  # fmt: skip
    """The stop is forwarded, then handoff.released (opt_out); the bot stays silent."""
    before = len(fake_graph.sent)
    say(client, clock, "não quero mais receber mensagens")
    [stop] = receiver.wait("conversation.message")
    [released] = receiver.wait("handoff.released", tick=lambda: clock.advance(seconds=3))
    assert stop["message"]["text"] == "não quero mais receber mensagens"
    assert released["reason"] == "opt_out" and fake_graph.sent[before:] == []
    assert [b["event"] for b in receiver.accepted()][-2:] == ["conversation.message",
                                                             "handoff.released"]  # fmt: skip


async def _audit_actions(settings, user_key: str) -> list[str]:
    storage = build_sqlite_storage(settings.sqlite_path)
    try:
        return [e.action for e in await storage.audit.list_events(user_key)]
    finally:
        await storage.close()


def test_a_lead_nobody_answered_is_handed_over_again(handoff, client, clock, *, receiver,
                                                     fake_graph, settings):  # fmt: skip
    """The window passed and the team never wrote: the person's next message hands the
    same lead over again instead of showing the menu."""
    clock.advance(hours=settings.human_takeover_hours + 2)
    before = len(fake_graph.sent)
    say(client, clock, "ninguém vai me responder?")
    said = [text for _, text in received(fake_graph, before)]
    assert any("Passei de novo para a nossa equipe" in text for text in said)
    created = receiver.wait("handoff.created", 2, tick=lambda: clock.advance(seconds=3))
    assert created[1]["routing"] == handoff["routing"]
    assert created[1]["requirements"]["request"] == "ninguém vai me responder?"
