"""A message from a wa_id that is no phone: its replies fail as invalid_recipient, at once.

Through the signed webhook, the real SQLite outbox and the Graph API sender (against the
fake Graph API): nothing is sent, nothing is left pending, the value is never logged.
"""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest
from structlog.testing import capture_logs

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.whatsapp.graph_sender import GraphApiSender
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox, DeliveryLimits
from pyloto_corp.application.replies.send_errors import InvalidRecipient
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import LeadProfile, OutboxItem, OutboxStatus
from pyloto_corp.infra.logging import shared_processors
from tests.integration.storage.conftest import at
from tests.support import meta

BAD_WA_IDS = ["0123456789", "1234567", "5542999990001234"]  # leading 0, 7 and 16 digits


def graph_sender(fake_graph) -> GraphApiSender:
    client = httpx.AsyncClient(timeout=1.0)
    return GraphApiSender(client, base_url=fake_graph.url, version="v24.0",
                          phone_number_id=meta.PHONE_NUMBER_ID, token="tok")  # fmt: skip


@pytest.mark.pii_logs
@pytest.mark.parametrize("wa_id", BAD_WA_IDS)
def test_replies_to_an_invalid_wa_id_fail_at_once(client_factory, fake_graph, tmp_path, wa_id):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    client = client_factory(storage=storage, sender=graph_sender(fake_graph))
    message = meta.message(sender=wa_id, text={"body": "oi"})
    body = meta.meta_bytes(meta.envelope([message], contacts=[meta.contact(wa_id=wa_id)]))
    with capture_logs(processors=shared_processors()) as entries:
        response = client.post("/webhooks/whatsapp", content=body,
                               headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
    assert response.status_code == 200
    db = storage.conversations._db
    [user_key] = {row[0] for row in db.query("SELECT user_key FROM messages")}
    replies = asyncio.run(storage.outbox.list_for_user(user_key))
    assert replies and all(r.status is OutboxStatus.FAILED for r in replies)
    assert {r.failure_reason for r in replies} == {"invalid_recipient"}
    assert asyncio.run(storage.outbox.list_due(at(10_000))) == []  # nothing for the retry loop
    assert fake_graph.sent == []  # never sent to Meta
    failed = [e for e in entries if e["event"] == "outbox.failed"]
    assert failed and {e["reason"] for e in failed} == {"invalid_recipient"}
    assert wa_id not in repr(entries)


@pytest.mark.anyio
async def test_a_stored_invalid_phone_fails_on_the_retry_path(tmp_path, fake_graph):
    """An older record whose lead phone is no wa_id: the retry loop fails it, Meta unasked."""
    storage, sender = build_sqlite_storage(tmp_path / "db.sqlite3"), graph_sender(fake_graph)
    tokens = (f"t{n}" for n in itertools.count())
    limits = DeliveryLimits("PNID")
    delivery = DeliverOutbox(storage, sender, LocalThrottle(), clock=lambda: at(1),
                             new_token=lambda: next(tokens), limits=limits)  # fmt: skip
    await storage.leads.put(LeadProfile("uk", at(0), phone="+0123456"))
    item = OutboxItem("uk", "wamid.in", 0, "text", {"kind": "text", "body": "oi", "options": []},
                      at(0))  # fmt: skip
    await storage.outbox.enqueue([item])
    report = await delivery.retry_due()
    [stored] = await storage.outbox.list_for_user("uk")
    assert (report.failed, stored.status, stored.failure_reason) == (
        1, OutboxStatus.FAILED, "invalid_recipient")  # fmt: skip
    assert fake_graph.sent == []
    await sender.aclose()
    await storage.close()


@pytest.mark.anyio
async def test_the_sender_refuses_an_invalid_recipient_before_any_request(fake_graph):
    sender = graph_sender(fake_graph)
    reply = {"kind": "text", "body": "oi", "options": []}
    for recipient in (Recipient(phone="+0123456"), Recipient(invalid=True)):
        with pytest.raises(InvalidRecipient):
            await sender.send(recipient, reply)
    assert fake_graph.sent == [] and Recipient(phone="+5542999990001").problem() is None
    await sender.aclose()
