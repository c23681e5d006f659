"""Replies after a crash, on each backend: ``sending`` is recorded before Meta is called, and
an attempt whose answer is unknown waits for Meta's status before any new attempt."""

from __future__ import annotations

import itertools
from datetime import timedelta

import httpx
import pytest

from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.whatsapp.graph_sender import GraphApiSender
from pyloto_corp.application.inbound.process_inbound_message import ProcessStatusUpdate
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox, DeliveryLimits
from pyloto_corp.application.replies.delivery_rules import reference
from pyloto_corp.domain.messages import DeliveryStatus, StatusUpdate
from pyloto_corp.domain.records import LeadProfile, OutboxItem, OutboxStatus
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_uncertain"
KEY = (USER, "wamid.in#0")
WAIT = timedelta(minutes=10)


def _item() -> OutboxItem:
    return OutboxItem(USER, "wamid.in", 0, "text", {"kind": "text", "body": "r0", "options": []},
                      at(0))  # fmt: skip


async def test_sending_is_recorded_under_the_lease_and_kept_only_while_uncertain(storage):
    outbox = storage.outbox
    await outbox.enqueue([_item()])
    await outbox.claim(*KEY, "t", at(1), at(2))
    assert await outbox.mark_sending(*KEY, "other", at(1)) is None  # not the lease holder
    assert (await outbox.mark_sending(*KEY, "t", at(1))).sending_at == at(1)
    assert (await outbox.get(*KEY)).sending_at == at(1)
    assert await outbox.release(*KEY, "t", until=at(11), error_code=None, now=at(1.5),
                                uncertain=True)  # fmt: skip
    kept = await outbox.get(*KEY)
    assert (kept.sending_at, kept.claim_token, kept.status) == (at(1), None, OutboxStatus.PENDING)
    assert await outbox.list_due(at(10.9)) == []
    assert [i.item_id for i in await outbox.list_due(at(11))] == [KEY[1]]
    assert (await outbox.claim(*KEY, "t2", at(11), at(12))).sending_at == at(1)
    await outbox.release(*KEY, "t2", until=at(12), error_code=500, now=at(11))  # nothing left
    assert (await outbox.get(*KEY)).sending_at is None


@pytest.mark.parametrize("finish", ["mark_sent", "record_sent", "mark_failed"])
async def test_every_recorded_answer_clears_sending(storage, finish):
    await storage.outbox.enqueue([_item()])
    leased = await storage.outbox.claim(*KEY, "t", at(1), at(2))
    await storage.outbox.mark_sending(*KEY, "t", at(1))
    if finish == "mark_sent":
        assert await storage.outbox.mark_sent(*KEY, "t", "wamid.out", at(1.1))
    elif finish == "record_sent":
        await storage.outbox.record_sent([(leased, "wamid.out")], "t", at(1.1))
    else:
        assert await storage.outbox.mark_failed(*KEY, "t", 131026, at(1.1))
    done = await storage.outbox.get(*KEY)
    assert done.sending_at is None and done.status is not OutboxStatus.PENDING


async def test_a_late_status_settles_a_sending_item_whose_wamid_was_never_recorded(storage):
    """The process died after Meta took the send: only the callback data names the item."""
    await storage.outbox.enqueue([_item()])
    await storage.outbox.claim(*KEY, "t", at(1), at(1.5))
    await storage.outbox.mark_sending(*KEY, "t", at(1))  # ... and the process dies here
    assert await storage.outbox.find_by_provider_id("wamid.late") is None
    change = await storage.outbox.record_delivery("wamid.late", "sent", None, at(4), item_ref=KEY)
    assert change is not None and change.confirmed
    settled = await storage.outbox.get(*KEY)
    assert (settled.status, settled.provider_message_id, settled.sending_at,
            settled.claim_token) == (OutboxStatus.SENT, "wamid.late", None, None)  # fmt: skip
    assert await storage.outbox.claim(*KEY, "t2", at(20), at(21)) is None
    assert (await storage.outbox.find_by_provider_id("wamid.late")).item_id == KEY[1]


class Clock:
    def __init__(self) -> None:
        self.now = at(0)

    def __call__(self):
        return self.now


@pytest.fixture
async def world(storage, fake_graph):
    clock, tokens = Clock(), (f"t{n}" for n in itertools.count())
    sender = GraphApiSender(httpx.AsyncClient(timeout=1.0), base_url=fake_graph.url,
                            version="v24.0", phone_number_id="PNID", token="tok")  # fmt: skip
    delivery = DeliverOutbox(storage, sender, LocalThrottle(), clock=clock,
                             new_token=lambda: next(tokens),
                             limits=DeliveryLimits("PNID", uncertain_wait=WAIT))  # fmt: skip
    await storage.leads.put(LeadProfile(USER, at(0), phone="+5542999990001"))
    await storage.outbox.enqueue([_item()])
    yield storage, delivery, clock
    await sender.aclose()


async def _crash_while_sending(storage, clock: Clock, *, recorded: bool = True) -> None:
    """A holder that claimed (and, if ``recorded``, went to Meta) then died: its lease ran out."""
    await storage.outbox.claim(*KEY, "gone", clock.now, clock.now + timedelta(seconds=30))
    if recorded:
        await storage.outbox.mark_sending(*KEY, "gone", clock.now)
    clock.now += timedelta(seconds=31)


async def _status(storage, clock: Clock, wamid: str = "wamid.late") -> None:
    """Meta's 'sent' status, with the callback data the lost send carried."""
    item = await storage.outbox.get(*KEY)
    update = StatusUpdate(wamid, "PNID", DeliveryStatus.SENT, clock.now,
                          callback_data=reference(item))  # fmt: skip
    await ProcessStatusUpdate(storage, clock).execute(update)


async def test_an_expired_sending_attempt_waits_for_meta_then_is_sent_again(world, fake_graph):
    storage, delivery, clock = world
    await _crash_while_sending(storage, clock)
    assert (await delivery.retry_due()).deferred == 1 and fake_graph.sent == []
    clock.now = at(0) + WAIT - timedelta(seconds=1)  # the wait counts from ``sending_at``
    assert (await delivery.retry_due()).sent == 0 and fake_graph.sent == []
    clock.now = at(0) + WAIT
    assert (await delivery.retry_due()).sent == 1  # no status came: the one possible double
    assert len(fake_graph.sent) == 1
    assert (await storage.outbox.get(*KEY)).status is OutboxStatus.SENT


async def test_a_status_within_the_wait_marks_it_sent_and_nothing_is_resent(world, fake_graph):
    storage, delivery, clock = world
    await _crash_while_sending(storage, clock)
    await delivery.retry_due()
    clock.now += timedelta(minutes=3)
    await _status(storage, clock)
    clock.now += WAIT
    assert (await delivery.retry_due()).sent == 0 and fake_graph.sent == []
    settled = await storage.outbox.get(*KEY)
    assert (settled.status, settled.provider_message_id) == (OutboxStatus.SENT, "wamid.late")


async def test_a_holder_that_died_before_sending_is_replaced_at_once(world, fake_graph):
    storage, delivery, clock = world
    await _crash_while_sending(storage, clock, recorded=False)
    assert (await delivery.retry_due()).sent == 1 and len(fake_graph.sent) == 1


async def test_an_unanswered_send_waits_for_its_status(world, fake_graph):
    """A read timeout after Meta took the send: no new attempt within the wait."""
    storage, delivery, clock = world
    fake_graph.then((200, {"messages": [{"id": "wamid.slow"}]}, 1.5))
    assert (await delivery.deliver(USER, [KEY[1]])).deferred == 1
    waiting = await storage.outbox.get(*KEY)
    assert waiting.sending_at == at(0) and waiting.status is OutboxStatus.PENDING
    clock.now += WAIT - timedelta(seconds=1)
    assert (await delivery.retry_due()).sent == 0 and len(fake_graph.sent) == 1
    await _status(storage, clock, "wamid.slow")
    clock.now += WAIT
    assert (await delivery.retry_due()).sent == 0 and len(fake_graph.sent) == 1
    assert (await storage.outbox.get(*KEY)).status is OutboxStatus.SENT
