"""Handoffs through real turns on each backend: every way a session is handed to a team
leaves one record and one ``handoff.created`` (a message, a timeout found late, the sweep),
and the person's messages during the takeover follow it."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from structlog.testing import capture_logs

from pyloto_corp.application.handoffs.takeover import Takeovers
from pyloto_corp.application.inbound.sweep_sessions import SweepIdleSessions
from pyloto_corp.bootstrap import build_engine
from pyloto_corp.domain.handoff_events import EventKind, HandoffStatus, LeadQuery
from tests.conftest import make_settings
from tests.integration.storage.test_converse_contract import USER, Clock, Person

pytestmark = pytest.mark.anyio


async def kinds(storage, handoff_id: str) -> list[str]:
    return [e.kind.value for e in await storage.handoffs.events(handoff_id)]


async def test_a_handoff_and_the_messages_after_it(storage) -> None:
    person = Person(storage, Clock())
    await person.says("quero falar com um atendente")
    await person.says("cadê?")
    await person.says("oi??")
    [record] = await storage.handoffs.list(LeadQuery())
    assert record.user_key == USER and record.routing == "triage"
    assert await kinds(storage, record.handoff_id) == ["handoff.created"] + [
        "conversation.message"] * 2  # fmt: skip
    replies = [i.payload["body"] for i in await storage.outbox.list_for_user(USER)]
    assert sum("avisei a equipe" in r for r in replies) == 1


async def test_a_timeout_found_on_the_next_message_hands_over_too(storage) -> None:
    clock = Clock()
    person = Person(storage, clock)
    await person.says("quero um site")
    await person.says("vender meus produtos online")
    clock.now += timedelta(hours=3)  # no sweep ran: the next message finds it idle
    await person.says("oi, ainda estão aí?")
    [record] = await storage.handoffs.list(LeadQuery())
    assert record.routing == "sales_custom_software"
    events = await storage.handoffs.events(record.handoff_id)
    assert [e.kind for e in events] == [EventKind.CREATED, EventKind.MESSAGE]


async def test_the_sweep_hands_over_a_lead_nobody_came_back_to(storage) -> None:
    clock = Clock()
    person = Person(storage, clock)
    await person.says("quero um site")
    await person.says("vender meus produtos online")
    clock.now += timedelta(hours=3)
    sweep = SweepIdleSessions(storage, build_engine(make_settings()), clock=clock, actor="Otto")
    with capture_logs() as logs:
        assert (await sweep.run()).closed == 1
    [record] = await storage.handoffs.list(LeadQuery())
    assert await kinds(storage, record.handoff_id) == ["handoff.created"]
    assert record.takeover_until == clock.now + timedelta(hours=24)
    handed = [e for e in logs if e["event"] == "conversation.handoff"]  # the team's metric
    assert [(e["routing"], e["session_id"]) for e in handed] == [
        ("sales_custom_software", record.session_id)]  # fmt: skip


async def test_a_takeover_past_its_window_is_released_and_the_team_told(storage) -> None:
    clock = Clock()
    person = Person(storage, clock)
    await person.says("quero falar com um atendente")
    takeovers = Takeovers(storage, clock=clock)
    assert await takeovers.expire("Otto") == []
    clock.now += timedelta(hours=25)
    [result] = await takeovers.expire("Otto")
    assert [e.kind for e in result.events] == [EventKind.RELEASED]
    record = await storage.handoffs.get(result.record.handoff_id)
    assert record.release_reason == "expired" and await takeovers.expire("Otto") == []
    actions = [e.action for e in await storage.audit.list_events(USER)]
    assert actions[-1] == "HANDOFF_RELEASED"


async def test_a_release_already_told_only_closes_the_record(storage) -> None:
    clock = Clock()
    await Person(storage, clock).says("quero falar com um atendente")
    [record] = await storage.handoffs.list(LeadQuery())
    session = await storage.sessions.get(USER, record.session_id)
    told = dataclasses.replace(session, context={**session.context, "takeover_released": "x"})
    await storage.sessions.save(told)
    result = await Takeovers(storage, clock=clock).release(record.handoff_id, "operator", "ops")
    assert result.refused is None and result.events == ()
    assert (await storage.handoffs.get(record.handoff_id)).status is HandoffStatus.RELEASED
