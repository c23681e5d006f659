"""DeliverOutbox on each backend against the fake Graph API: once, in order, typed failures."""

from __future__ import annotations

import asyncio
import itertools
from datetime import timedelta

import httpx
import pytest

from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.whatsapp.graph_sender import GraphApiSender
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox, DeliveryLimits
from pyloto_corp.domain.records import LeadProfile, OutboxItem, OutboxStatus
from tests.integration.storage.conftest import at
from tests.support.fake_graph import meta_error

pytestmark = pytest.mark.anyio
USER = "uk_delivery"


async def _no_sleep(_: float) -> None:
    return None


class Clock:
    def __init__(self) -> None:
        self.now = at(0)

    def __call__(self):
        return self.now


@pytest.fixture
async def world(storage, fake_graph):
    clock, tokens = Clock(), (f"t{n}" for n in itertools.count())
    client = httpx.AsyncClient(timeout=1.0)
    sender = GraphApiSender(client, base_url=fake_graph.url, version="v24.0",
                            phone_number_id="PNID", token="tok", sleep=_no_sleep)  # fmt: skip
    delivery = DeliverOutbox(storage, sender, LocalThrottle(), clock=clock,
                             new_token=lambda: next(tokens),
                             limits=DeliveryLimits("PNID", max_attempts=3))  # fmt: skip
    await storage.leads.put(LeadProfile(USER, at(0), phone="+5542999990001"))
    yield storage, delivery, clock
    await sender.aclose()


async def _enqueue(storage, count: int = 2) -> list[str]:
    items = [OutboxItem(USER, "wamid.in", n, "text", {"kind": "text", "body": f"r{n}",
                        "options": []}, at(0)) for n in range(count)]  # fmt: skip
    await storage.outbox.enqueue(items)
    return [i.item_id for i in items]


async def _statuses(storage) -> list:
    return [(i.status, i.error_code) for i in await storage.outbox.list_for_user(USER)]


async def test_concurrent_deliveries_send_each_item_once(world, fake_graph):
    storage, delivery, _ = world
    ids = await _enqueue(storage, 3)
    await asyncio.gather(*(delivery.deliver(USER, ids) for _ in range(4)))
    assert [b["text"]["body"] for b in fake_graph.sent] == ["r0", "r1", "r2"]
    assert await _statuses(storage) == [(OutboxStatus.SENT, None)] * 3


async def test_pair_limit_defers_in_order_then_the_retry_sends(world, fake_graph):
    storage, delivery, clock = world
    ids = await _enqueue(storage)
    fake_graph.then((400, meta_error(131056)))
    report = await delivery.deliver(USER, ids)
    assert (report.sent, report.deferred) == (0, 1) and len(fake_graph.sent) == 1
    assert (await delivery.retry_due()).sent == 0  # still backing off
    clock.now += timedelta(minutes=10)
    assert (await delivery.retry_due()).sent == 2
    assert [b["text"]["body"] for b in fake_graph.sent] == ["r0", "r0", "r1"]


async def test_undeliverable_fails_and_the_next_item_still_goes(world, fake_graph):
    storage, delivery, _ = world
    ids = await _enqueue(storage)
    fake_graph.then((400, meta_error(131026)))
    await delivery.deliver(USER, ids)
    assert await _statuses(storage) == [(OutboxStatus.FAILED, 131026), (OutboxStatus.SENT, None)]


async def test_bounded_attempts_then_failed(world, fake_graph):
    storage, delivery, clock = world
    ids = await _enqueue(storage, 1)
    for _ in range(3):
        fake_graph.then((500, {}), (500, {}), (500, {}))
        await delivery.deliver(USER, ids)
        clock.now += timedelta(hours=1)
    assert await _statuses(storage) == [(OutboxStatus.FAILED, None)]


async def test_known_failures_never_reach_meta(world, fake_graph):
    storage, delivery, clock = world
    ids = await _enqueue(storage, 1)
    clock.now += timedelta(hours=25)
    await delivery.deliver(USER, ids)
    assert await _statuses(storage) == [(OutboxStatus.FAILED, 131047)]
    await storage.leads.put(LeadProfile(USER, at(0)))
    other = OutboxItem(USER, "wamid.in2", 0, "text", {"kind": "text", "body": "x"}, clock.now)
    await storage.outbox.enqueue([other])
    assert (await delivery.deliver(USER, [other.item_id])).failed == 1
    assert fake_graph.requests == []


async def test_a_lease_that_ran_out_waits_for_meta_before_sending_again(world, fake_graph):
    """A holder that vanished while sending may have sent: the next claim waits, then sends.

    Uncertain attempts never spend the bounded attempts (an outage that only delayed the
    confirmations must not drop the reply).
    """
    storage, delivery, clock = world
    [item_id] = await _enqueue(storage, 1)
    for _ in range(4):  # more takeovers than max_attempts
        await storage.outbox.claim(USER, item_id, "gone", clock.now, clock.now)
        await storage.outbox.mark_sending(USER, item_id, "gone", clock.now)
        report = await delivery.deliver(USER, [item_id])
        assert (report.sent, report.deferred) == (0, 1) and fake_graph.sent == []
        clock.now += timedelta(hours=1)
    assert (await delivery.deliver(USER, [item_id])).sent == 1
    assert await _statuses(storage) == [(OutboxStatus.SENT, None)]
