"""The webhook destination when it fails: retried with the same key, in order, bounded.

The app runs its retry loops (a short interval) on a clock the test moves, so a backoff
of seconds passes without waiting for it.
"""

from __future__ import annotations

import asyncio

import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from tests.support.handoff_flow import (
    LOOP_SECONDS,
    TO_HANDOFF,
    handoff_settings,
    leads,
    say,
    ticking,
)
from tests.support.waiting import wait_for


@pytest.fixture
def build(client_factory, tmp_path, fake_graph, receiver, clock):
    def make(**overrides):
        values = {"handoff_backend": "webhook", "handoff_webhook_url": receiver.url,
                  "handoff_webhook_secret": receiver.secret,
                  "outbox_retry_interval_seconds": LOOP_SECONDS} | overrides  # fmt: skip
        return client_factory(handoff_settings(tmp_path, fake_graph, **values), clock=clock)

    return make


def test_a_5xx_is_retried_with_the_same_key_and_delivered_once(build, clock, receiver):
    """500 then 200: one handoff.created accepted, both attempts signed, identical bodies."""
    receiver.then(500)
    client = build()
    say(client, clock, *TO_HANDOFF)
    [created] = wait_for(ticking(clock, lambda: receiver.accepted("handoff.created")), bool,
                         "the retried handoff.created")  # fmt: skip
    first, second = receiver.attempts[:2]
    assert (first.status, second.status) == (500, 200) and first.signed and second.signed
    assert first.key == second.key == created["event_id"] and first.body == second.body
    rows = wait_for(lambda: leads(client, since="30d"), lambda r: r[0]["delivery"] == "delivered",
                    "the lead marked delivered")  # fmt: skip
    assert len(rows) == 1 and len(receiver.accepted()) == 1


def test_messages_wait_for_the_handoff_they_belong_to(build, clock, receiver):
    """While handoff.created is being retried, the person's message is held, then follows it."""
    receiver.then(503)
    client = build()
    say(client, clock, *TO_HANDOFF, "obrigado")
    seen = wait_for(ticking(clock, receiver.accepted), lambda got: len(got) >= 2,
                    "both events accepted")  # fmt: skip
    assert [body["event"] for body in seen] == ["handoff.created", "conversation.message"]
    keys = [a.key for a in receiver.attempts if a.status == 200]
    assert len(keys) == len(set(keys))  # nothing accepted twice


def test_a_refusal_is_not_retried_and_shows_as_failed(build, clock, receiver):
    """400 from the receiver: the lead shows delivery failed in GET /v1/handoffs?status=failed."""
    receiver.then(400)
    client = build()
    say(client, clock, *TO_HANDOFF)
    rows = wait_for(lambda: leads(client, status="failed"), lambda r: len(r) == 1,
                    "the failed lead")  # fmt: skip
    assert rows[0]["delivery"] == "failed" and rows[0]["routing"] == "sales_custom_software"
    clock.advance(hours=1)
    assert leads(client, status="failed") == rows
    assert [a.status for a in receiver.attempts] == [400]


def test_retries_are_bounded_by_handoff_max_attempts(build, clock, receiver):
    """Always 503: after HANDOFF_MAX_ATTEMPTS the lead is failed and nothing more is tried."""
    receiver.then(503, 503, 503, 503)
    client = build(handoff_max_attempts=2)
    say(client, clock, *TO_HANDOFF)
    wait_for(ticking(clock, lambda: leads(client, since="30d", status="failed")), bool,
             "the lead failed after its attempts")  # fmt: skip
    assert [a.status for a in receiver.attempts] == [503, 503]


def test_a_wrong_secret_is_refused_by_the_receiver_and_fails(build, clock, receiver):
    """A receiver that cannot verify the signature answers 401: failed, not retried forever."""
    client = build(handoff_webhook_secret="not-the-receivers-secret-0123")
    say(client, clock, *TO_HANDOFF)
    wait_for(lambda: leads(client, status="failed"), bool, "the refused lead")
    [attempt] = receiver.attempts
    assert (attempt.signed, attempt.status) == (False, 401) and receiver.accepted() == []


def test_a_restarted_service_delivers_what_the_first_one_could_not(
    client_factory, tmp_path, fake_graph, clock, receiver
):
    """Stored with the turn, undelivered (503), process gone: the next one delivers it once."""
    values = {"handoff_backend": "webhook", "handoff_webhook_url": receiver.url,
              "handoff_webhook_secret": receiver.secret}  # fmt: skip
    stopped = handoff_settings(tmp_path, fake_graph, **values, outbox_retry_interval_seconds=0)
    first = client_factory(stopped, clock=clock)
    receiver.then(503)
    say(first, clock, *TO_HANDOFF)
    wait_for(lambda: receiver.attempts, bool, "the first attempt")
    first.__exit__(None, None, None)
    restarted = handoff_settings(tmp_path, fake_graph, **values,
                                 outbox_retry_interval_seconds=LOOP_SECONDS)  # fmt: skip
    client_factory(restarted, clock=clock)
    [created] = wait_for(ticking(clock, lambda: receiver.accepted("handoff.created")), bool,
                         "the delivery after the restart")  # fmt: skip
    assert [a.status for a in receiver.attempts] == [503, 200]
    assert created["event_id"] == receiver.attempts[0].key


def test_a_message_written_during_a_delivery_follows_it_right_away(build, clock, receiver,
                                                                   tmp_path):  # fmt: skip
    """The team's server is slow on one message; the next one reaches it right after."""
    client = build(outbox_retry_interval_seconds=0)  # only the deliveries right after a turn
    say(client, clock, *TO_HANDOFF)
    [created] = receiver.wait("handoff.created")
    receiver.hold()
    say(client, clock, "obrigado")
    wait_for(lambda: receiver.held, lambda held: held == 1, "the first message at the receiver")
    say(client, clock, "cadê o atendente?")
    wait_for(lambda: _stored(tmp_path, created["handoff_id"]), lambda n: n == 3, "3 events")
    receiver.let_go()
    texts = [m["message"]["text"] for m in receiver.wait("conversation.message", 2, within=3)]
    assert texts == ["obrigado", "cadê o atendente?"]


def test_another_persons_handoff_does_not_wait_for_a_slow_message(build, clock, receiver):
    """One person's message hangs at the team's server; another lead still gets through."""
    client = build(outbox_retry_interval_seconds=0)
    say(client, clock, *TO_HANDOFF)
    receiver.wait("handoff.created")
    receiver.hold("conversation.message")
    say(client, clock, "obrigado")
    wait_for(lambda: receiver.held, lambda held: held == 1, "the message held at the receiver")
    say(client, clock, "quero falar com um atendente", sender="5541988887777")
    try:
        created = receiver.wait("handoff.created", 2, within=3)
    finally:
        receiver.let_go()
    assert created[1]["routing"] == "triage"


def _stored(tmp_path, handoff_id: str) -> int:
    """How many events of the handoff are stored."""

    async def read():
        storage = build_sqlite_storage(str(tmp_path / "pyloto.sqlite3"))
        try:
            return await storage.handoffs.events(handoff_id)
        finally:
            await storage.close()

    return len(asyncio.run(read()))
