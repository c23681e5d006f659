"""Chatwoot callbacks with CHATWOOT_SIGNING_SECRET: the URL secret and a fresh signature.

Chatwoot versions that sign send ``X-Chatwoot-Timestamp`` and ``X-Chatwoot-Signature:
sha256=<HMAC-SHA256 of "<timestamp>.<raw body>">``; with the signing secret set, an agent's
answer reaches WhatsApp only when both the path secret and the signature are right.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest

from tests.support.fake_chatwoot import FakeChatwoot
from tests.support.handoff_flow import (
    CHATWOOT_SECRET,
    TO_HANDOFF,
    Clock,
    chatwoot_settings,
    say,
)
from tests.support.waiting import wait_for

SIGNING = "chatwoot-signing-secret-0123456789"
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
def client(client_factory, tmp_path, fake_graph, chatwoot):
    clock = Clock()
    settings = chatwoot_settings(tmp_path, fake_graph, chatwoot.url,
                                 chatwoot_signing_secret=SIGNING)  # fmt: skip
    built = client_factory(settings, clock=clock)
    say(built, clock, *TO_HANDOFF)
    return built


@pytest.fixture
def conversation_id(client, chatwoot) -> int:
    found = wait_for(lambda: list(chatwoot.conversations), bool, "the Chatwoot conversation")
    return found[0]


def signed_post(client, payload: dict, *, secret: str = SIGNING, age: int = 0, path=HOOK):
    raw = json.dumps(payload).encode()
    stamp = str(int(time.time()) - age)
    digest = hmac.new(secret.encode(), stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Chatwoot-Timestamp": stamp,
               "X-Chatwoot-Signature": f"sha256={digest}"}  # fmt: skip
    return client.post(path, content=raw, headers=headers)


def test_a_signed_agent_answer_reaches_whatsapp(client, chatwoot, conversation_id, fake_graph):
    payload = chatwoot.agent_reply(conversation_id, "Olá! Aqui é a Ana.")
    answer = signed_post(client, payload)
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}
    assert fake_graph.sent[-1]["text"]["body"] == "Olá! Aqui é a Ana."


@pytest.mark.parametrize(("secret", "age"), [("outro-segredo-0123456789", 0), (SIGNING, 600),
                                             (SIGNING, -600)])  # fmt: skip
def test_a_wrong_or_stale_signature_is_401(client, chatwoot, conversation_id, *, fake_graph,
                                           secret, age):  # fmt: skip
    """Another secret, or a timestamp five minutes away: 401 and nothing sent."""
    sent = len(fake_graph.sent)
    payload = chatwoot.agent_reply(conversation_id, "Olá!")
    answer = signed_post(client, payload, secret=secret, age=age)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "signature_invalid"
    assert len(fake_graph.sent) == sent


def test_an_unsigned_callback_is_401_and_a_wrong_path_404(client, chatwoot, conversation_id,
                                                         fake_graph):  # fmt: skip
    sent = len(fake_graph.sent)
    payload = chatwoot.agent_reply(conversation_id, "Olá!")
    assert client.post(HOOK, json=payload).status_code == 401
    assert signed_post(client, payload, path=HOOK + "x").status_code == 404
    assert len(fake_graph.sent) == sent
