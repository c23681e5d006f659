"""The contact goes to the team on purpose, never to the logs: the whole takeover, read from
what the service actually printed (structlog and the standard library's loggers alike)."""

from __future__ import annotations

import pytest

from tests.support.fake_chatwoot import TOKEN as CHATWOOT_TOKEN
from tests.support.fake_chatwoot import FakeChatwoot
from tests.support.handoff_flow import (
    CHATWOOT_SECRET,
    LOOP_SECONDS,
    TO_HANDOFF,
    Clock,
    chatwoot_settings,
    handoff_settings,
    leads,
    ops,
    say,
    ticking,
)
from tests.support.waiting import wait_for

AGENT = "Oi Ana, aqui é o Pedro"
SAID = ["obrigado, fico no aguardo", "cadê o atendente?"]
SECRETS = [CHATWOOT_SECRET, CHATWOOT_TOKEN]


@pytest.fixture(scope="module")
def chatwoot_server():
    server = FakeChatwoot().start()
    yield server
    server.stop()


def settings_for(backend: str, tmp_path, fake_graph, chatwoot, receiver):
    if backend == "chatwoot":
        return chatwoot_settings(tmp_path, fake_graph, chatwoot.url, log_level="DEBUG")
    return handoff_settings(tmp_path, fake_graph, handoff_backend="webhook",
                            handoff_webhook_url=receiver.url,
                            handoff_webhook_secret=receiver.secret, log_level="DEBUG",
                            outbox_retry_interval_seconds=LOOP_SECONDS)  # fmt: skip


def takeover(client, clock, chatwoot, backend: str) -> None:
    """To a handoff, two messages to the team, an agent's answer, the leads with PII, a release."""
    say(client, clock, *TO_HANDOFF, *SAID)
    [row] = wait_for(ticking(clock, lambda: leads(client)), lambda r: r[0]["delivery"] != "pending",
                     "the handoff delivered")  # fmt: skip
    assert row["delivery"] == "delivered"
    if backend == "chatwoot":
        conversation = next(iter(chatwoot.conversations))
        reply = chatwoot.agent_reply(conversation, AGENT)
        answer = client.post(f"/v1/chatwoot/webhook/{CHATWOOT_SECRET}", json=reply)
    else:
        answer = ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/messages", {"text": AGENT})
    assert answer.status_code in {200, 202}, answer.text
    assert leads(client, include_pii="true")[0]["contact"]["phone"] == "+5542999990001"
    assert ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/release").status_code == 200


@pytest.mark.pii_logs
@pytest.mark.parametrize("backend", ["webhook", "chatwoot"])
def test_a_whole_takeover_logs_ids_only(backend, client_factory, tmp_path, *, fake_graph,
                                        chatwoot_server, receiver, capfd):  # fmt: skip
    """No phone, name of the business, city, message text, agent text or secret is printed,
    even at DEBUG (the destinations' HTTP clients log request URLs)."""
    chatwoot_server.reset()
    clock = Clock()
    settings = settings_for(backend, tmp_path, fake_graph, chatwoot_server, receiver)
    client = client_factory(settings, clock=clock)
    capfd.readouterr()  # from here on: what the service prints
    takeover(client, clock, chatwoot_server, backend)
    printed = capfd.readouterr()
    text = printed.out + printed.err
    assert "handoff.delivered" in text and "handoff_id" in text  # the logs are there...
    pii = ["5542999990001", "2B5542999990001", "Pão Quente", "Curitiba", AGENT, *SAID, *SECRETS,
           receiver.secret]  # fmt: skip
    assert [value for value in pii if value in text] == []  # ...without personal data
