"""A local sender (the console): sent and recorded without the durable ``sending`` mark."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.whatsapp.console_sender import ConsoleSender
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox, DeliveryLimits
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import OutboxItem, OutboxStatus
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_local"


@pytest.fixture
def world(storage):
    clock = {"now": at(0)}
    tokens = (f"t{n}" for n in itertools.count())
    sender = ConsoleSender()
    delivery = DeliverOutbox(storage, sender, LocalThrottle(), clock=lambda: clock["now"],
                             new_token=lambda: next(tokens),
                             limits=DeliveryLimits("PNID", max_attempts=3))  # fmt: skip
    marks: list[str] = []
    original = storage.outbox.mark_sending

    async def spy(*args, **kwargs):
        marks.append(args[1])
        return await original(*args, **kwargs)

    storage.outbox.mark_sending = spy
    return storage, delivery, sender, clock, marks


async def _leased(storage, token: str, clock_now) -> list[OutboxItem]:
    body = {"kind": "text", "body": "oi", "options": []}
    item = OutboxItem(USER, "wamid.in", 0, "text", body, at(0))
    await storage.outbox.enqueue([item])
    claimed = await storage.outbox.claim(USER, item.item_id, token, clock_now,
                                         clock_now + timedelta(seconds=30))  # fmt: skip
    return [claimed]


async def test_console_reply_is_sent_and_recorded_without_a_sending_mark(world):
    storage, delivery, sender, clock, marks = world
    items = await _leased(storage, "lease", clock["now"])
    report = await delivery.deliver_leased(items, "lease", Recipient(phone="+5542999990001"))
    [stored] = await storage.outbox.list_for_user(USER)
    assert report.sent == 1 and marks == []
    assert stored.status is OutboxStatus.SENT
    assert stored.provider_message_id == sender.sent[0].provider_message_id


async def test_console_reply_waits_when_its_lease_ran_out(world):
    storage, delivery, sender, clock, marks = world
    items = await _leased(storage, "lease", clock["now"])
    clock["now"] += timedelta(minutes=5)
    report = await delivery.deliver_leased(items, "lease", Recipient(phone="+5542999990001"))
    [stored] = await storage.outbox.list_for_user(USER)
    assert report.sent == 0 and list(sender.sent) == [] and marks == []
    assert stored.status is OutboxStatus.PENDING
