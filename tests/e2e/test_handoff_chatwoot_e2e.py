"""Handoffs in Chatwoot: the whole takeover against the fake Chatwoot server, over real HTTP.

The person writes through the signed Meta webhook; the lead lands as a labelled
conversation with the transcript and a private note; later messages follow it; the
agent's public answers come back through Chatwoot's webhook and reach WhatsApp; resolving
the conversation gives the person back to the bot.
"""

from __future__ import annotations

import pytest

from tests.support.fake_chatwoot import INBOX_ID, FakeChatwoot
from tests.support.handoff_flow import (
    ACK,
    CHATWOOT_SECRET,
    PHONE,
    TO_HANDOFF,
    chatwoot_settings,
    leads,
    ops,
    say,
    ticking,
)
from tests.support.waiting import wait_for

HOOK = f"/v1/chatwoot/webhook/{CHATWOOT_SECRET}"


@pytest.fixture(scope="module")
def chatwoot_server():
    server = FakeChatwoot().start()
    yield server
    server.stop()


@pytest.fixture
def chatwoot(chatwoot_server) -> FakeChatwoot:
    chatwoot_server.reset()
    return chatwoot_server


@pytest.fixture
def client(client_factory, tmp_path, fake_graph, chatwoot, clock):
    settings = chatwoot_settings(tmp_path, fake_graph, chatwoot.url)
    return client_factory(settings, clock=clock)


def contents(conversation: dict) -> list[tuple[str, bool, str]]:
    return [(m["message_type"], m["private"], m["content"]) for m in conversation["messages"]]


@pytest.fixture
def conversation(client, clock, chatwoot) -> dict:
    """The conversation to the handoff; Chatwoot's conversation once the note is in it."""
    say(client, clock, *TO_HANDOFF)
    return wait_for(lambda: next(iter(chatwoot.conversations.values()), None),
                    lambda c: c is not None and any(m["private"] for m in c["messages"]),
                    "the conversation with its private note")  # fmt: skip


def test_a_handoff_opens_a_labelled_conversation_with_transcript_and_note(
    client, conversation, chatwoot
):
    """Contact by phone, conversation in our inbox labelled with the routing, the transcript
    as it happened, the summary and qualification as a private note."""
    [contact] = chatwoot.contacts.values()
    assert contact["phone_number"] == PHONE
    [row] = leads(client)
    assert conversation["labels"] == ["sales_custom_software"]
    assert conversation["inbox_id"] == INBOX_ID and conversation["contact_id"] == contact["id"]
    assert conversation["additional_attributes"]["pyloto_handoff_id"] == row["handoff_id"]
    lines = contents(conversation)
    assert [text for kind, _, text in lines if kind == "incoming"] == TO_HANDOFF
    assert any(kind == "outgoing" and not private for kind, private, _ in lines)  # the bot
    kind, private, note = lines[-1]
    assert (kind, private) == ("outgoing", True) and "Curitiba" in note
    assert row["delivery"] == "delivered"


def test_later_messages_are_posted_to_the_same_conversation(
    client, clock, conversation, chatwoot, fake_graph
):
    before = len(fake_graph.sent)
    say(client, clock, "obrigado", "cadê o atendente?")
    wait_for(ticking(clock, lambda: contents(conversation)[-1]),
             lambda m: m[2] == "cadê o atendente?", "the forwarded messages")  # fmt: skip
    assert contents(conversation)[-2] == ("incoming", False, "obrigado")
    assert len(chatwoot.conversations) == 1
    got = fake_graph.sent[before:]
    assert len(got) == 1 and ACK in got[0]["text"]["body"]


def test_an_agent_answer_in_chatwoot_reaches_whatsapp(client, conversation, chatwoot, fake_graph):
    """message_created (outgoing, public, by a user) is sent to the person on WhatsApp."""
    payload = chatwoot.agent_reply(conversation["id"], "Olá! Aqui é a Ana, da Pyloto.")
    answer = client.post(HOOK, json=payload)
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}
    last = fake_graph.sent[-1]
    assert last["to"] == PHONE.lstrip("+") and last["text"]["body"] == payload["content"]


def test_a_redelivered_agent_answer_is_sent_once(client, conversation, chatwoot, fake_graph):
    """Chatwoot delivers the same message_created twice: 200 both times, one send."""
    payload = chatwoot.agent_reply(conversation["id"], "Olá! Aqui é a Ana, da Pyloto.")
    assert client.post(HOOK, json=payload).status_code == 200
    sent = len(fake_graph.sent)
    again = client.post(HOOK, json=payload)
    assert len(fake_graph.sent) == sent
    assert again.status_code == 200


def test_our_own_posts_and_private_notes_are_not_sent(client, conversation, chatwoot, fake_graph):
    """Chatwoot echoes the transcript and notes back: none of it goes to the person."""
    sent = len(fake_graph.sent)
    for message in conversation["messages"]:
        echo = chatwoot.message_webhook(conversation["id"], message["id"])
        assert client.post(HOOK, json=echo).json() == {"status": "ignored"}
    note = chatwoot.agent_reply(conversation["id"], "nota interna", private=True)
    assert client.post(HOOK, json=note).json() == {"status": "ignored"}
    assert len(fake_graph.sent) == sent


def test_a_wrong_secret_is_404_and_does_nothing(client, conversation, chatwoot, fake_graph):
    sent = len(fake_graph.sent)
    payload = chatwoot.agent_reply(conversation["id"], "Olá!")
    for path in ("/v1/chatwoot/webhook/errado", HOOK + "x", HOOK[:-1]):
        assert client.post(path, json=payload).status_code == 404
    assert len(fake_graph.sent) == sent


def test_resolving_in_chatwoot_gives_the_person_back_to_the_bot(
    client, clock, conversation, chatwoot, fake_graph
):
    """conversation_status_changed to resolved ends the takeover; no second resolve is sent."""
    answer = client.post(HOOK, json=chatwoot.status_webhook(conversation["id"]))
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}
    wait_for(lambda: contents(conversation)[-1][2], lambda t: "resolvido no Chatwoot" in t,
             "the release note")  # fmt: skip
    assert chatwoot.calls("POST", "/toggle_status") == []
    [row] = leads(client)
    assert (row["takeover"], row["release_reason"]) == ("released", "chatwoot_resolved")
    before = len(fake_graph.sent)
    say(client, clock, "oi")
    assert fake_graph.sent[before:][-1]["type"] == "interactive"
    assert not any(m[2] == "oi" and m[0] == "incoming" for m in contents(conversation)[3:])
    again = client.post(HOOK, json=chatwoot.status_webhook(conversation["id"]))
    assert again.json() == {"status": "already_released"}
    sent = len(fake_graph.sent)
    late = client.post(HOOK, json=chatwoot.agent_reply(conversation["id"], "Ainda aí?"))
    assert late.json() == {"status": "already_released"} and len(fake_graph.sent) == sent


def test_an_operator_release_resolves_the_conversation(client, conversation, chatwoot):
    """Released through the ops API: Chatwoot's conversation is resolved with a note."""
    [row] = leads(client)
    assert ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/release").status_code == 200
    wait_for(lambda: conversation["status"], lambda s: s == "resolved", "the resolved status")
    assert "motivo: operator" in contents(conversation)[-1][2]


def test_a_takeover_past_its_window_is_resolved_in_chatwoot(client, clock, conversation):
    """The loop releases it (reason expired): the conversation is resolved with a note."""
    clock.advance(hours=24, minutes=1)
    wait_for(ticking(clock, lambda: conversation["status"]), lambda s: s == "resolved",
             "the conversation resolved by the loop")  # fmt: skip
    assert contents(conversation)[-1][:2] == ("outgoing", True)
    assert leads(client, since="30d")[0]["release_reason"] == "expired"


def test_a_refused_agent_answer_is_told_in_chatwoot(client, conversation, chatwoot, fake_graph):
    """After the person was given back to the bot, an agent's answer is not sent, and a
    private note where the agent wrote says so."""
    [row] = leads(client)
    assert ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/release").status_code == 200
    sent = len(fake_graph.sent)
    payload = chatwoot.agent_reply(conversation["id"], "Oi, ainda está aí?")
    answer = client.post(HOOK, json=payload)
    assert answer.status_code == 200 and answer.json() == {"status": "already_released"}
    assert len(fake_graph.sent) == sent
    kind, private, note = contents(conversation)[-1]
    assert (kind, private) == ("outgoing", True) and "NÃO enviada" in note
