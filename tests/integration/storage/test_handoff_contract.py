"""HandoffStore contract: records and the notification outbox, on every backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pyloto_corp.application.inbound.turns import TurnStatus, TurnWrites
from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    EventKind,
    HandoffEvent,
    HandoffRecord,
    HandoffStatus,
    LeadQuery,
    Release,
)
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_handoffs"


def record(handoff_id: str, minute: float = 1, routing: str = "custom_software") -> HandoffRecord:
    lead = {"summary": "• Assunto: sistema", "qualification_level": "high"}
    session_id = handoff_id.split("-", maxsplit=1)[0]
    return HandoffRecord(handoff_id, USER, session_id, routing, at(minute), at(minute + 24 * 60),
                         lead)  # fmt: skip


def event(handoff_id: str, seq: int, minute: float = 1, **data) -> HandoffEvent:
    kind = EventKind.CREATED if seq == 1 else EventKind.MESSAGE
    return HandoffEvent(handoff_id, seq, kind, USER, at(minute), at(minute), data=data)


def writes(wamid: str, *records: HandoffRecord, events=(), releases=()) -> TurnWrites:
    message = StoredMessage(USER, wamid, Direction.IN, "text", at(1), at(1), "oi")
    return TurnWrites(message=message, handoffs=records, events=tuple(events),
                      releases=tuple(releases))  # fmt: skip


async def handed(storage, *records: HandoffRecord) -> None:
    events = [event(r.handoff_id, 1, r.created_at.minute) for r in records]
    status = await storage.turns.run_turn(USER, lambda s: writes("w.1", *records, events=events))
    assert status is TurnStatus.COMMITTED


async def test_a_turn_stores_handoffs_and_their_events(storage):
    await handed(storage, record("s1-1"), record("s1-2", routing="saas"))
    found = await storage.handoffs.get("s1-1")
    assert found.routing == "custom_software" and found.lead["qualification_level"] == "high"
    assert found.status is HandoffStatus.OPEN and found.delivery is DeliveryState.PENDING
    assert [e.event_id for e in await storage.handoffs.events("s1-1")] == ["s1-1#00001"]
    assert await storage.handoffs.get("nope") is None


async def test_leads_are_listed_newest_first_and_filtered(storage):
    await handed(storage, record("s1-1", 1), record("s2-1", 30, "saas"))
    assert [r.handoff_id for r in await storage.handoffs.list(LeadQuery())] == ["s2-1", "s1-1"]
    only = await storage.handoffs.list(LeadQuery(routing="saas"))
    assert [r.handoff_id for r in only] == ["s2-1"]
    recent = await storage.handoffs.list(LeadQuery(since=at(10)))
    assert [r.handoff_id for r in recent] == ["s2-1"]
    assert await storage.handoffs.list(LeadQuery(status="failed")) == []
    assert len(await storage.handoffs.list(LeadQuery(status="open", now=at(2)))) == 2
    assert await storage.handoffs.list(LeadQuery(status="open", now=at(3 * 24 * 60))) == []
    assert len(await storage.handoffs.list(LeadQuery(limit=1))) == 1


async def test_due_events_are_claimed_once_and_settled_by_their_holder(storage):
    await handed(storage, record("s1-1"))
    [due] = await storage.handoffs.list_due(at(2))
    claimed = await storage.handoffs.claim(due, "t1", at(2), at(3))
    assert claimed.attempts == 1 and claimed.claim_token == "t1"
    assert await storage.handoffs.claim(due, "t2", at(2), at(3)) is None  # leased: not due
    assert await storage.handoffs.list_due(at(2)) == []
    done = replace(claimed, status=DeliveryState.DELIVERED, delivered_at=at(2))
    assert not await storage.handoffs.settle(done, "t2")  # not the holder
    assert await storage.handoffs.settle(done, "t1", {"chatwoot_conversation_id": 7})
    found = await storage.handoffs.get("s1-1")
    assert found.delivery is DeliveryState.DELIVERED and found.remote == {
        "chatwoot_conversation_id": 7}  # fmt: skip
    assert await storage.handoffs.claim(due, "t3", at(5), at(6)) is None  # delivered
    [stored] = await storage.handoffs.events("s1-1")
    assert stored.status is DeliveryState.DELIVERED and stored.claim_token is None
    assert await storage.handoffs.events("s1-1", DeliveryState.PENDING) == []
    assert await storage.handoffs.events("s1-1", DeliveryState.DELIVERED) == [stored]


async def test_a_lease_that_ran_out_is_due_again(storage):
    await handed(storage, record("s1-1"))
    [due] = await storage.handoffs.list_due(at(2))
    await storage.handoffs.claim(due, "t1", at(2), at(3))
    [again] = await storage.handoffs.list_due(at(4))
    retaken = await storage.handoffs.claim(again, "t2", at(4), at(5))
    assert retaken.attempts == 2 and not await storage.handoffs.settle(retaken, "t1")


async def test_a_failed_delivery_marks_the_lead_failed(storage):
    await handed(storage, record("s1-1"))
    [due] = await storage.handoffs.list_due(at(2))
    claimed = await storage.handoffs.claim(due, "t1", at(2), at(3))
    await storage.handoffs.settle(replace(claimed, status=DeliveryState.FAILED, error="x"), "t1")
    assert [r.handoff_id for r in await storage.handoffs.list(LeadQuery(status="failed"))] == [
        "s1-1"]  # fmt: skip


async def test_a_release_is_merged_and_a_message_event_keeps_its_data(storage):
    await handed(storage, record("s1-1"))
    later = writes("w.2", events=[event("s1-1", 2, 5, text="cadê?", kind="text")],
                   releases=[Release("s1-1", at(6), "operator")])  # fmt: skip
    assert await storage.turns.run_turn(USER, lambda s: later) is TurnStatus.COMMITTED
    found = await storage.handoffs.get("s1-1")
    assert found.status is HandoffStatus.RELEASED and found.release_reason == "operator"
    assert found.released_at == at(6) and found.lead["summary"].startswith("•")
    events = await storage.handoffs.events("s1-1")
    assert [e.seq for e in events] == [1, 2] and events[1].data["text"] == "cadê?"
    assert await storage.handoffs.list(LeadQuery(status="released")) == [found]


async def test_an_event_created_twice_rolls_the_turn_back(storage):
    await handed(storage, record("s1-1"))
    again = TurnWrites(events=(event("s1-1", 1),), releases=(Release("s1-1", at(9), "x"),))
    assert await storage.turns.run_turn(USER, lambda s: again) is TurnStatus.ALREADY_STORED
    assert (await storage.handoffs.get("s1-1")).status is HandoffStatus.OPEN


async def test_an_erasure_deletes_the_persons_handoffs(storage):
    await handed(storage, record("s1-1"))

    def draft(counts, opted_out):
        return AuditEvent("erase", USER, at(9).isoformat(), "ops", "DATA_ERASED", "pedido")

    assert await storage.subjects.erase_subject(USER, media=0, at=at(9), draft_for=draft)
    assert await storage.handoffs.get("s1-1") is None
    assert await storage.handoffs.events("s1-1") == []


async def test_open_handoffs_past_their_window_are_listed_to_expire(storage):
    await handed(storage, record("s1-1", 1), record("s2-1", 90))
    assert await storage.handoffs.expired(at(10)) == []
    found = await storage.handoffs.expired(at(24 * 60 + 30))
    assert [r.handoff_id for r in found] == ["s1-1"]
    released = writes("w.2", releases=[Release("s1-1", at(24 * 60 + 31), "expired")])
    await storage.turns.run_turn(USER, lambda s: released)
    assert await storage.handoffs.expired(at(3 * 24 * 60)) == [
        await storage.handoffs.get("s2-1")]  # fmt: skip


async def test_failed_events_are_requeued_and_a_failed_message_marks_the_lead(storage):
    await handed(storage, record("s1-1"))
    later = writes("w.2", events=[event("s1-1", 2, 2, text="oi")])
    await storage.turns.run_turn(USER, lambda s: later)
    for due in await storage.handoffs.list_due(at(3)):
        claimed = await storage.handoffs.claim(due, "t", at(3), at(4))
        state = DeliveryState.DELIVERED if due.seq == 1 else DeliveryState.FAILED
        await storage.handoffs.settle(replace(claimed, status=state, error="x"), "t")
    assert (await storage.handoffs.get("s1-1")).delivery is DeliveryState.FAILED
    [again] = await storage.handoffs.requeue("s1-1", at(10))
    assert again.seq == 2 and again.attempts == 0 and again.status is DeliveryState.PENDING
    assert (await storage.handoffs.get("s1-1")).delivery is DeliveryState.PENDING
    assert [e.seq for e in await storage.handoffs.list_due(at(10))] == [2]
    assert await storage.handoffs.requeue("s1-1", at(11)) == []
