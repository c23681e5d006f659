"""TurnStore contract: one atomic turn per inbound message, on every backend."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.inbound.turns import TurnStatus, TurnWrites
from pyloto_corp.domain.audit import AuditEvent, verify_chain
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.records import OutboxItem, SessionRecord
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_turns"


def message(wamid: str, minute: float = 1) -> StoredMessage:
    return StoredMessage(USER, wamid, Direction.IN, "text", at(minute), at(minute), "oi")


def reply(wamid: str, position: int = 0) -> OutboxItem:
    payload = {"kind": "text", "body": f"resposta {position}"}
    return OutboxItem(USER, wamid, position, "text", payload, at(1), claim_token="t",
                      claim_expires_at=at(2), attempts=1)  # fmt: skip


def event(event_id: str) -> AuditEvent:
    return AuditEvent(event_id=event_id, user_key=USER, timestamp=at(1).isoformat(),
                      actor="Otto", action="USER_CONTACT", reason="mensagem recebida")  # fmt: skip


def turn(wamid: str, session: SessionRecord | None = None, **extra) -> TurnWrites:
    sessions = (session,) if session is not None else ()
    return TurnWrites(message=message(wamid), sessions=sessions, outbox=(reply(wamid),),
                      audit=(event(f"{wamid}#contact"),), **extra)  # fmt: skip


async def test_a_turn_writes_everything_and_the_next_one_reads_it(storage):
    """Message, header, open session, replies, sealed audit event and lead fields, at once."""
    seen = []
    opened = SessionRecord("s1", USER, at(1), at(1), state="menu")
    first = turn("wamid.1", opened, lead={"phone": "+5542999990001", "updated_at": at(1)})
    assert await storage.turns.run_turn(USER, lambda s: seen.append(s) or first) is (
        TurnStatus.COMMITTED)  # fmt: skip
    assert seen[0].header is None and seen[0].open_session is None
    await storage.turns.run_turn(USER, lambda s: seen.append(s) or None)
    state = seen[1]
    assert state.header.last_message_at == at(1) and state.open_session.version == 1
    assert state.open_session.state == "menu" and state.last_closed is None
    events = await storage.audit.list_events(USER)
    assert state.audit_tail == (events[-1].hash, 1) and verify_chain(events).valid
    assert [i.item_id for i in await storage.outbox.list_for_user(USER)] == ["wamid.1#0"]
    assert (await storage.leads.get(USER)).phone == "+5542999990001"
    named = {"name": "Ana", "updated_at": at(2)}
    await storage.turns.run_turn(USER, lambda s: turn("wamid.2", lead=named))
    lead = await storage.leads.get(USER)
    assert (lead.phone, lead.name, lead.updated_at) == ("+5542999990001", "Ana", at(2))


async def test_a_stored_message_makes_the_whole_turn_a_no_op(storage):
    """The message exists (a redelivery): no reply, event, session or lead is written."""
    await storage.turns.run_turn(USER, lambda s: turn("wamid.1"))
    before = (await storage.outbox.list_for_user(USER), await storage.audit.list_events(USER))
    again = turn("wamid.1", SessionRecord("s9", USER, at(1), at(1)),
                 lead={"name": "X", "updated_at": at(3)})  # fmt: skip
    assert await storage.turns.run_turn(USER, lambda s: again) is TurnStatus.ALREADY_STORED
    after = (await storage.outbox.list_for_user(USER), await storage.audit.list_events(USER))
    assert after == before
    assert await storage.sessions.get_open(USER) is None
    assert await storage.leads.get(USER) is None
    assert await storage.turns.run_turn(USER, lambda s: None) is TurnStatus.NOTHING


async def test_closing_a_session_moves_it_to_the_last_closed(storage):
    """A closed session leaves the open slot, becomes the last closed, is no longer idle."""
    opened = await storage.sessions.save(SessionRecord("s1", USER, at(0), at(0)))
    closed = replace(opened, outcome="SELF_SERVE_INFO", closed_at=at(2))
    fresh = SessionRecord("s2", USER, at(2), at(2))
    await storage.turns.run_turn(
        USER, lambda s: turn("wamid.1", closed) if s.open_session else None
    )
    await storage.turns.run_turn(USER, lambda s: turn("wamid.2", fresh))
    seen = []
    await storage.turns.run_turn(USER, lambda s: seen.append(s) or None)
    assert seen[0].last_closed == replace(closed, version=2)
    assert seen[0].open_session.session_id == "s2"
    assert [s.session_id for s in await storage.sessions.list_for_user(USER)] == ["s1", "s2"]
    assert [s.session_id for s in await storage.sessions.list_idle(at(5))] == ["s2"]


async def test_a_stale_session_fails_the_turn_and_writes_nothing(storage):
    """The version check holds inside a turn too: VersionConflict, nothing stored."""
    opened = await storage.sessions.save(SessionRecord("s1", USER, at(0), at(0)))
    await storage.sessions.save(replace(opened, state="menu"))
    with pytest.raises(VersionConflict):
        await storage.turns.run_turn(USER, lambda s: turn("wamid.1", replace(opened, state="x")))
    assert await storage.conversations.list_messages(USER) == []
    assert await storage.audit.list_events(USER) == []


async def test_concurrent_turns_of_one_person_both_land_in_order(storage):
    """Two turns racing for one person: each plans on the other's result; one valid chain."""

    def plan_for(wamid: str):
        def plan(state):
            current = state.open_session or SessionRecord("s1", USER, at(0), at(0))
            seen = current.context.get("seen", [])
            updated = replace(current, context={"seen": [*seen, wamid]})
            return turn(wamid, updated)

        return plan

    await asyncio.gather(*(storage.turns.run_turn(USER, plan_for(f"w{n}")) for n in range(3)))
    events = await storage.audit.list_events(USER)
    assert len(events) == 3 and verify_chain(events).valid
    session = await storage.sessions.get_open(USER)
    assert sorted(session.context["seen"]) == ["w0", "w1", "w2"] and session.version == 3


@pytest.mark.firestore
@pytest.mark.parametrize("storage", ["firestore"], indirect=True)
async def test_a_turn_costs_one_read_on_firestore(storage):
    """Counted at the adapter: one document read, one write per document the turn changes."""
    before = storage.operations()
    opened = SessionRecord("s1", USER, at(1), at(1))
    await storage.turns.run_turn(USER, lambda s: turn("wamid.1", opened))
    after = storage.operations()
    # message + conversation document (header, session, audit head) + reply + audit event
    assert (after["reads"] - before["reads"], after["writes"] - before["writes"]) == (1, 4)
