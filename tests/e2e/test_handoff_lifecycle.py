"""A lead's life after the first handoff: in the export and audit, and a second handoff.

Every takeover event is in the audit chain and the export (the team's messages marked);
after a release, the person can ask for a person again and gets a new handoff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.handoff_flow import (
    LOOP_SECONDS,
    PHONE,
    TO_HANDOFF,
    handoff_settings,
    leads,
    ops,
    received,
    say,
)
from tests.support.ops import export

AGENT = "Oi! Aqui é o Pedro, da Pyloto."


@pytest.fixture
def settings(tmp_path, fake_graph, receiver):
    return handoff_settings(tmp_path, fake_graph, handoff_backend="webhook",
                            handoff_webhook_url=receiver.url,
                            handoff_webhook_secret=receiver.secret,
                            outbox_retry_interval_seconds=LOOP_SECONDS)  # fmt: skip


@pytest.fixture
def client(client_factory, settings, clock, receiver):
    built = client_factory(settings, clock=clock)
    say(built, clock, *TO_HANDOFF)
    receiver.wait("handoff.created")
    return built


def test_the_export_and_the_chain_hold_the_takeover(client, settings, receiver):
    """HANDOFF_DELIVERED, HUMAN_MESSAGE and HANDOFF_RELEASED are in the exported chain, which
    verifies; the team's message is in the history, marked (equipe)."""
    [row] = leads(client)
    sent = ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/messages", {"text": AGENT})
    assert sent.status_code == 202
    assert ops(client, "POST", f"/v1/handoffs/{row['handoff_id']}/release").status_code == 200
    answer = export(client, {"phone": PHONE, "reason": "Auditoria do atendimento"}).json()
    inner = answer["storage_path"].removeprefix("exports/")  # the local folder is exports/ itself
    text = (Path(settings.export_local_dir) / inner).read_text(encoding="utf-8")
    assert answer["chain_valid"] is True
    for action in ("HANDOFF_DELIVERED", "HUMAN_MESSAGE", "HANDOFF_RELEASED"):
        assert action in text, action
    agent_line = next(n for n, line in enumerate(text.splitlines()) if AGENT in line)
    assert "(equipe)" in "\n".join(text.splitlines()[agent_line - 3 : agent_line])


def test_after_a_release_a_new_request_opens_a_new_handoff(client, clock, receiver):
    """The person asks for a person again: a second handoff.created, with its own id."""
    [first] = leads(client)
    assert ops(client, "POST", f"/v1/handoffs/{first['handoff_id']}/release").status_code == 200
    say(client, clock, "oi", "quero falar com um atendente")
    created = receiver.wait("handoff.created", 2, tick=lambda: clock.advance(seconds=3))
    assert created[0]["handoff_id"] == first["handoff_id"] != created[1]["handoff_id"]
    assert created[1]["routing"] == "triage" and len(leads(client, status="open")) == 1


def test_a_second_request_for_a_person_is_answered(client, clock, fake_graph):
    """The person who asks for a person again hears that someone is coming."""
    [first] = leads(client)
    assert ops(client, "POST", f"/v1/handoffs/{first['handoff_id']}/release").status_code == 200
    say(client, clock, "oi")
    before = len(fake_graph.sent)
    say(client, clock, "quero falar com um atendente")
    assert len(leads(client)) == 2  # the new handoff is there...
    assert received(fake_graph, before) != []  # ...and the person is told
