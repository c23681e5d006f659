"""Replies reach Meta exactly once through the real sender; statuses move the outbox forward."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.adapters.storage.sqlite.database import dumps
from pyloto_corp.application.replies.delivery_rules import history
from pyloto_corp.domain.records import OutboxStatus
from tests.conftest import make_settings
from tests.e2e.test_webhook_storage import USER_KEY
from tests.support import meta
from tests.support.fake_graph import meta_error
from tests.support.waiting import wait_for

TOKEN = "EAAGm0PX4ZCpsBAtestonly"


def graph_settings(fake_graph):
    return make_settings(sender_backend="graph", graph_api_base_url=fake_graph.url,
                         whatsapp_access_token=TOKEN, outbox_retry_interval_seconds=0)  # fmt: skip


def test_a_retried_webhook_after_the_reply_was_sent_sends_nothing_again(
    client_factory, deliver, fake_graph, tmp_path
):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    document = meta.envelope([meta.message(text={"body": "oi"})])
    first = client_factory(graph_settings(fake_graph), storage=storage)
    assert deliver(document, first).status_code == 200
    sent = list(fake_graph.sent)
    assert [b["type"] for b in sent] == ["text", "interactive"]
    assert sent[0]["to"] == meta.WA_ID and "Otto" in sent[0]["text"]["body"]
    assert fake_graph.requests[0].body["status"] == "read"  # blue ticks + typing first
    forgetful = MemoryDedupeGate(lease_seconds=5, done_ttl_seconds=5)
    second = client_factory(graph_settings(fake_graph), storage=storage, dedupe=forgetful)
    assert deliver(document, second).status_code == 200
    assert fake_graph.sent == sent
    items = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    assert [i.status for i in items] == [OutboxStatus.SENT] * 2
    assert [m.direction for m in asyncio.run(_history(storage))] == ["in", "out", "out"]


def test_statuses_update_the_item_and_131047_stops_free_form_text(
    client_factory, deliver, fake_graph, tmp_path
):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    client = client_factory(graph_settings(fake_graph), storage=storage)
    deliver(meta.envelope([meta.message(text={"body": "oi"}, ts=1_763_000_000)]), client)
    first, second = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    closed = [{"code": 131047, "title": "Re-engagement message"}]
    statuses = [meta.status(first.provider_message_id, "read", ts=1_763_000_200),
                meta.status(first.provider_message_id, "delivered", ts=1_763_000_100),
                meta.status(second.provider_message_id, "failed", errors=closed)]  # fmt: skip
    assert deliver(meta.envelope(statuses=statuses), client).status_code == 200
    first, second = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    assert first.delivery_status == "read"
    assert (second.status, second.error_code) == (OutboxStatus.FAILED, 131047)
    header = asyncio.run(storage.conversations.get_header(USER_KEY))
    assert header.window_closed_at is not None
    deliver(meta.envelope([meta.message(text={"body": "quero ser entregador"})]), client)
    assert asyncio.run(storage.conversations.get_header(USER_KEY)).window_closed_at is None


def test_a_failed_send_stays_pending_and_the_retry_loop_sends_it(
    client_factory, deliver, fake_graph, tmp_path
):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    fake_graph.then((200, {"success": True}), (503, {}), (503, {}), (503, {}))
    # The backoff scaled up (25 s at least): the refused reply waits until the test says so.
    settings = graph_settings(fake_graph).model_copy(update={
        "outbox_retry_interval_seconds": 0.2, "outbox_backoff_scale": 10})  # fmt: skip
    client = client_factory(settings, storage=storage)
    deliver(meta.envelope([meta.message(text={"body": "oi"})]), client)
    [waiting, queued] = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    assert waiting.status is queued.status is OutboxStatus.PENDING  # order kept
    assert queued.claim_token is None  # released at once: due with the one that waits
    assert fake_graph.sent == [fake_graph.requests[1].body] * 3
    _released_now(storage, waiting)
    _wait_until_all_sent(storage, 2)
    assert len(fake_graph.sent) == 5  # three refused attempts, then each reply once


def _released_now(storage, item) -> None:
    """Skip the backoff (seconds) so the loop picks the item up during the test."""
    now = item.created_at
    doc = dumps(codec.outbox_doc(replace(item, claim_expires_at=now)))
    with storage.outbox._db.transaction() as tx:
        tx.execute("UPDATE outbox SET doc = ? WHERE item_id = ?", (doc, item.item_id))


def test_token_expired_is_a_permanent_failure_with_an_error_log(
    client_factory, deliver, fake_graph, tmp_path
):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    fake_graph.then((200, {"success": True}), (401, meta_error(190)))
    client = client_factory(graph_settings(fake_graph), storage=storage)
    deliver(meta.envelope([meta.message(text={"body": "oi"})]), client)
    first, _ = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    assert (first.status, first.error_code) == (OutboxStatus.FAILED, 190)


def test_a_send_whose_answer_was_lost_is_settled_by_its_status_not_resent(
    client_factory, deliver, fake_graph, tmp_path
):
    """Meta took the message but the answer timed out: its 'sent' status settles the item."""
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    settings = graph_settings(fake_graph).model_copy(update={"graph_timeout_seconds": 0.3})
    fake_graph.then((200, {"success": True}), (200, {"messages": [{"id": "wamid.LATE"}]}, 1.0))
    client = client_factory(settings, storage=storage)
    deliver(meta.envelope([meta.message(text={"body": "oi"})]), client)
    first, second = asyncio.run(storage.outbox.list_for_user(USER_KEY))
    assert first.status is second.status is OutboxStatus.PENDING  # uncertain: not resent
    assert len(fake_graph.sent) == 1
    callback = fake_graph.sent[0]["biz_opaque_callback_data"]
    assert callback == f"pyloto1|{USER_KEY}|{first.item_id}"
    status = meta.status("wamid.LATE", "sent") | {"biz_opaque_callback_data": callback}
    assert deliver(meta.envelope(statuses=[status]), client).status_code == 200
    settled = asyncio.run(storage.outbox.get(USER_KEY, first.item_id))
    assert (settled.status, settled.provider_message_id) == (OutboxStatus.SENT, "wamid.LATE")
    history = asyncio.run(_history(storage))
    assert [m.provider_message_id for m in history if m.direction == "out"] == ["wamid.LATE"]
    assert asyncio.run(storage.outbox.claim(USER_KEY, first.item_id, "x", settled.updated_at,
                                            settled.updated_at)) is None  # fmt: skip


def test_a_redelivered_reminder_is_not_sent_again(client_factory, deliver, fake_graph, tmp_path):
    """In the delivery cooldown a message changes no session; its redelivery still sends nothing.

    Found by the load harness: the planned reminder of a turn refused (message already
    stored) used to go out a second time.
    """
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    first = client_factory(graph_settings(fake_graph), storage=storage)
    route = meta.message(text={"body": "preciso de um motoboy pra levar um documento agora"},
                         ts=1_763_000_000)  # fmt: skip
    deliver(meta.envelope([route]), first)
    reminder = meta.envelope([meta.message(text={"body": "oi"}, ts=1_763_000_060)])
    deliver(reminder, first)
    sent = list(fake_graph.sent)
    forgetful = MemoryDedupeGate(lease_seconds=5, done_ttl_seconds=5)
    second = client_factory(graph_settings(fake_graph), storage=storage, dedupe=forgetful)
    assert deliver(reminder, second).status_code == 200
    assert fake_graph.sent == sent
    [session] = asyncio.run(storage.sessions.list_for_user(USER_KEY))
    assert session.outcome == "ROUTE_EXTERNAL"


async def _history(storage):
    """Both ways, as the export shows it: messages, and the replies Meta took (the outbox)."""
    stored = await storage.conversations.list_messages(USER_KEY)
    return history(stored, await storage.outbox.list_for_user(USER_KEY))


def test_a_full_send_rate_never_holds_the_webhook(client_factory, deliver, fake_graph, tmp_path):
    """What does not fit the per-person rate waits in the outbox; the loop sends it when due.

    The loop is woken by the deferred reply (its tick is 30 s, far longer than the wait).
    Its send is held at the fake Meta until the webhook's answer was checked, so that
    check never races it.
    """
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    settings = graph_settings(fake_graph).model_copy(update={
        "recipient_max_messages": 1, "recipient_window_seconds": 1.0,
        "outbox_retry_interval_seconds": 30.0})  # fmt: skip
    client = client_factory(settings, storage=storage)
    fake_graph.hold_sends_after(1)
    try:
        assert deliver(meta.envelope([meta.message(text={"body": "oi"})]),
                       client).status_code == 200  # fmt: skip
        first, second = asyncio.run(storage.outbox.list_for_user(USER_KEY))
        assert (first.status, second.status, len(fake_graph.sent)) == (
            OutboxStatus.SENT, OutboxStatus.PENDING, 1)  # fmt: skip
        assert second.claim_expires_at > second.created_at  # due later, not failed
    finally:
        fake_graph.release_sends()
    _wait_until_all_sent(storage, 2)
    assert len(fake_graph.sent) == 2


def _wait_until_all_sent(storage, count: int) -> None:
    """Until the outbox records every reply as sent (Meta sees a send before it is recorded)."""
    wait_for(lambda: asyncio.run(storage.outbox.list_for_user(USER_KEY)),
             lambda items: [i.status for i in items] == [OutboxStatus.SENT] * count,
             f"{count} replies recorded as sent")  # fmt: skip
