"""LeadProfileStore and OutboxStore contracts."""

from dataclasses import replace

import pytest

from pyloto_corp.domain.records import LeadProfile, OutboxItem, OutboxStatus
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_records"


async def test_lead_profile_round_trip_and_replace(storage):
    """The profile (the only home of the phone) is stored and replaced whole."""
    profile = LeadProfile(user_key=USER, updated_at=at(1), phone="+5542999990001", name="Ana",
                          city="Ponta Grossa", is_business=True, business_name="Pão Quente",
                          role="dona")  # fmt: skip
    await storage.leads.put(profile)
    assert await storage.leads.get(USER) == profile
    await storage.leads.put(replace(profile, city="Curitiba", updated_at=at(2)))
    assert (await storage.leads.get(USER)).city == "Curitiba"
    assert await storage.leads.get("nobody") is None


def item(position: int, inbound: str = "wamid.in/1") -> OutboxItem:
    payload = {"text": f"resposta {position}"}
    return OutboxItem(user_key=USER, inbound_message_id=inbound, position=position, kind="text",
                      payload=payload, created_at=at(position))  # fmt: skip


async def test_enqueue_is_keyed_by_the_inbound_message(storage):
    """Re-enqueueing the replies of a retried webhook creates nothing new."""
    assert await storage.outbox.enqueue([item(0), item(1)]) == 2
    assert await storage.outbox.enqueue([item(0), item(1), item(2)]) == 1
    listed = await storage.outbox.list_for_user(USER)
    assert [i.item_id for i in listed] == ["wamid.in/1#0", "wamid.in/1#1", "wamid.in/1#2"]
    assert listed[0].payload == {"text": "resposta 0"}


async def test_claim_lease_send_once(storage):
    """One claim at a time; an expired lease can be re-taken; a sent item never again."""
    await storage.outbox.enqueue([item(0)])
    key = (USER, "wamid.in/1#0")
    assert (await storage.outbox.claim(*key, "t1", at(10), at(11))).attempts == 1
    assert await storage.outbox.claim(*key, "t2", at(10.5), at(12)) is None
    assert not await storage.outbox.mark_sent(*key, "t2", "wamid.out.1", at(10.5))
    assert (await storage.outbox.claim(*key, "t3", at(11), at(12))).claim_token == "t3"
    assert not await storage.outbox.mark_sent(*key, "t1", "wamid.out.1", at(11))
    assert await storage.outbox.mark_sent(*key, "t3", "wamid.out.1", at(11.5))
    assert await storage.outbox.claim(*key, "t4", at(20), at(21)) is None
    sent = await storage.outbox.get(*key)
    assert (sent.status, sent.provider_message_id, sent.attempts) == (
        OutboxStatus.SENT, "wamid.out.1", 2)  # fmt: skip


async def test_permanent_failure_is_recorded(storage):
    """A failed send keeps Meta's error code and is never claimed again."""
    await storage.outbox.enqueue([item(0)])
    key = (USER, "wamid.in/1#0")
    await storage.outbox.claim(*key, "t", at(1), at(2))
    assert await storage.outbox.mark_failed(*key, "t", 131026, at(1))
    failed = await storage.outbox.get(*key)
    assert (failed.status, failed.error_code) == (OutboxStatus.FAILED, 131026)
    assert await storage.outbox.claim(*key, "t", at(5), at(6)) is None


async def test_delivery_statuses_only_move_forward(storage):
    """read beats delivered beats sent, whatever order Meta's webhooks arrive in."""
    await storage.outbox.enqueue([item(0)])
    key = (USER, "wamid.in/1#0")
    await storage.outbox.claim(*key, "t", at(1), at(2))
    await storage.outbox.mark_sent(*key, "t", "wamid.out.9", at(1))
    assert (await storage.outbox.find_by_provider_id("wamid.out.9")).item_id == key[1]
    read = await storage.outbox.record_delivery("wamid.out.9", "read", None, at(3))
    assert read is not None and not read.confirmed
    assert not await storage.outbox.record_delivery("wamid.out.9", "delivered", None, at(4))
    assert (await storage.outbox.get(*key)).delivery_status == "read"
    assert await storage.outbox.record_delivery("wamid.out.9", "failed", 131047, at(5))
    final = await storage.outbox.get(*key)
    assert (final.status, final.error_code) == (OutboxStatus.FAILED, 131047)
    assert not await storage.outbox.record_delivery("wamid.unknown", "read", None, at(6))


async def test_released_items_come_back_due_after_their_backoff(storage):
    """A released lease makes the item due again at ``until``; sent items are never due."""
    await storage.outbox.enqueue([item(0), item(1), item(2, inbound="wamid.in/2")])
    key = (USER, "wamid.in/1#0")
    assert [i.item_id for i in await storage.outbox.list_due(at(0.5))] == ["wamid.in/1#0"]
    await storage.outbox.claim(*key, "t", at(3), at(4))
    assert not await storage.outbox.release(*key, "other", until=at(9), error_code=500, now=at(3))
    assert await storage.outbox.release(*key, "t", until=at(9), error_code=130429, now=at(3))
    due = [i.item_id for i in await storage.outbox.list_due(at(5))]
    assert due == ["wamid.in/1#1", "wamid.in/2#2"]
    released = (await storage.outbox.list_due(at(9)))[-1]
    assert (released.item_id, released.error_code, released.claim_token) == (
        "wamid.in/1#0", 130429, None)  # fmt: skip
    assert (await storage.outbox.claim(*key, "t2", at(9), at(10))).attempts == 2
    await storage.outbox.mark_sent(*key, "t2", "wamid.out.9", at(9))
    assert "wamid.in/1#0" not in [i.item_id for i in await storage.outbox.list_due(at(99))]
    assert len(await storage.outbox.list_due(at(99), limit=1)) == 1


async def test_lead_profile_keeps_a_business_scoped_id(storage):
    """A person known only by the BSUID keeps it (replies are addressed to it)."""
    profile = LeadProfile(USER, at(1), user_id="BR.123")
    await storage.leads.put(profile)
    assert await storage.leads.get(USER) == profile


async def test_a_status_settles_a_pending_item_it_names(storage):
    """Callback data names an item whose send lost its answer: Meta's 'sent' settles it."""
    await storage.outbox.enqueue([item(0)])
    key = (USER, "wamid.in/1#0")
    await storage.outbox.claim(*key, "t", at(1), at(2))
    await storage.outbox.release(*key, "t", until=at(9), error_code=None, now=at(1))
    change = await storage.outbox.record_delivery("wamid.out.7", "sent", None, at(3), item_ref=key)
    assert change.confirmed
    settled = await storage.outbox.get(*key)
    assert (settled.status, settled.provider_message_id, settled.claim_token) == (
        OutboxStatus.SENT, "wamid.out.7", None)  # fmt: skip
    assert await storage.outbox.claim(*key, "t2", at(10), at(11)) is None
    assert "wamid.in/1#0" not in [i.item_id for i in await storage.outbox.list_due(at(99))]
    again = await storage.outbox.record_delivery("wamid.out.7", "read", None, at(4), item_ref=key)
    assert again is not None and not again.confirmed
    assert await storage.outbox.record_delivery("x", "read", None, at(4), ("nobody", "x#0")) is None


async def test_the_lease_holder_records_its_send_once(storage):
    """record_sent marks the item sent, with the time Meta took it; the item is the record."""
    leased = replace(item(0), claim_token="t", claim_expires_at=at(5), attempts=1)
    await storage.outbox.enqueue([leased])
    await storage.outbox.record_sent([(leased, "wamid.out.1")], "t", at(1))
    sent = await storage.outbox.get(USER, "wamid.in/1#0")
    assert (sent.status, sent.provider_message_id, sent.claim_token, sent.sent_at) == (
        OutboxStatus.SENT, "wamid.out.1", None, at(1))  # fmt: skip
    assert await storage.outbox.list_due(at(99)) == []
    assert await storage.conversations.list_messages(USER) == []  # the item is the record
