"""The engine over each storage backend: conversations, retries, conflicts, the sweep."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import timedelta

import pytest
from structlog.testing import capture_logs

from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.inbound.converse import Converse
from pyloto_corp.application.inbound.sweep_sessions import SweepIdleSessions
from pyloto_corp.bootstrap import build_engine
from pyloto_corp.domain.audit import decisions_in, verify_chain
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.messages import (
    InboundMessage,
    InteractiveReply,
    MessageKind,
    SenderIdKind,
    SenderRef,
)
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.infra.logging import shared_processors
from tests.conftest import make_settings
from tests.integration.storage.conftest import T0

pytestmark = pytest.mark.anyio
USER = "u" * 64
PHONE = "+5542999990001"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self):
        return self.now


class Person:
    """Writes to the bot through Converse, one message a minute."""

    def __init__(self, storage, clock: Clock, engine=None) -> None:
        self.storage, self.clock, self.count = storage, clock, 0
        ids = (f"id{n}" for n in itertools.count())
        self.converse = Converse(storage, engine or build_engine(make_settings()),
                                 clock=clock, new_id=lambda: next(ids), actor="Otto")  # fmt: skip

    async def says(self, text: str | None = None, *, choose: str | None = None) -> str:
        self.count += 1
        self.clock.now += timedelta(minutes=1)
        wamid = f"wamid.{self.count}"
        reply = InteractiveReply("button_reply", choose) if choose else None
        kind = MessageKind.INTERACTIVE if choose else MessageKind.TEXT
        sender = SenderRef(SenderIdKind.WA_ID, PHONE[1:])
        message = InboundMessage(wamid, "PNID", sender, self.clock.now, kind, kind.value,
                                 text=text, interactive=reply)  # fmt: skip
        await self.converse.handle(message, stored(message), Recipient(phone=PHONE))
        return wamid


def stored(message: InboundMessage) -> StoredMessage:
    return StoredMessage.sanitized(user_key=USER, provider_message_id=message.provider_message_id,
                                   direction=Direction.IN, kind=message.kind.value,
                                   sent_at=message.sent_at, stored_at=message.sent_at,
                                   text=message.text)  # fmt: skip


async def test_a_driver_signup_reaches_one_handoff_and_retries_change_nothing(storage) -> None:
    person = Person(storage, Clock())
    for line in ["quero ser entregador", "Carlos", "Ponta Grossa", "moto", "noites"]:
        await person.says(line)
    last = await person.says(choose="confirm_yes")
    outbox = await storage.outbox.list_for_user(USER)
    events = await storage.audit.list_events(USER)
    again = _again(person, last)
    result = await person.converse.handle(again, stored(again), Recipient(phone=PHONE))
    assert result.replay is not None and result.created == ()
    assert await person.converse.replay(result.replay, last) == [i.item_id for i in outbox[-1:]]
    assert await storage.outbox.list_for_user(USER) == outbox
    assert await storage.audit.list_events(USER) == events
    [session] = await storage.sessions.list_for_user(USER)
    assert session.outcome == "HANDOFF_HUMAN"
    assert session.context["handoff"]["routing"] == "entrega_driver_onboarding"
    lead = await storage.leads.get(USER)
    assert (lead.phone, lead.name, lead.city) == (PHONE, "Carlos", "Ponta Grossa")
    assert [e.action for e in events] == ["USER_CONTACT"] * 6
    assert verify_chain(events).valid
    assert events[0].details["profile_fields"] == ["phone"]
    assert {"escalar_humano"} <= {d["proposal"]["action"] for d in decisions_in(events)}


async def test_the_sweep_closes_idle_sessions_once_with_their_outcome(storage) -> None:
    clock = Clock()
    person = Person(storage, clock)
    await person.says("preciso de um sistema pra minha clínica")
    await person.says("agendar consultas pelo celular")
    engine = person.converse._engine
    sweep = SweepIdleSessions(storage, engine, clock=clock, actor="Otto")
    assert (await sweep.run()).closed == 0
    clock.now += engine.config.session_timeout + timedelta(minutes=1)
    report = await sweep.run()
    assert report.to_dict() == {"examined": 1, "closed": 1, "conflicts": 0,
                                "outcomes": {"SCHEDULED_FOLLOWUP": 1}}  # fmt: skip
    [session] = await storage.sessions.list_for_user(USER)
    assert session.context["handoff"]["requirements"]["problem"] == "agendar consultas pelo celular"
    assert (await sweep.run()).examined == 0
    decisions = decisions_in(await storage.audit.list_events(USER))
    assert decisions[-1]["id"] == f"timeout:{session.session_id}#d0"


async def test_the_sweep_and_the_engine_agree_on_the_timeout_boundary(storage) -> None:
    """Idle for exactly SESSION_TIMEOUT: the engine would close it lazily, and so does the sweep."""
    clock = Clock()
    person = Person(storage, clock)
    await person.says("bom dia")
    engine = person.converse._engine
    [session] = await storage.sessions.list_for_user(USER)
    clock.now = session.last_activity_at + engine.config.session_timeout
    assert engine.guards.idle(session, clock.now)
    report = await SweepIdleSessions(storage, engine, clock=clock, actor="Otto").run()
    assert report.to_dict()["outcomes"] == {"AWAITING_USER": 1}


async def test_the_sweep_leaves_a_session_someone_else_just_saved(storage) -> None:
    clock = Clock()
    person = Person(storage, clock)
    await person.says("oi")
    stale = await storage.sessions.get_open(USER)
    await person.says("quero fazer um pedido de entrega")
    sessions = _StaleIdle(storage.sessions, dataclasses.replace(stale))
    sweep = SweepIdleSessions(dataclasses.replace(storage, sessions=sessions),
                              person.converse._engine, clock=clock, actor="Otto")  # fmt: skip
    assert (await sweep.run()).to_dict()["conflicts"] == 1


@pytest.mark.pii_logs
async def test_an_engine_failure_closes_the_session_with_an_apology(storage) -> None:
    person = Person(storage, Clock(), engine=_Broken(build_engine(make_settings())))
    with capture_logs(processors=shared_processors()) as entries:
        await person.says("meu nome é Ana e meu cpf é 123")
    [session] = await storage.sessions.list_for_user(USER)
    assert session.outcome == "FAILED_INTERNAL"
    [apology] = await storage.outbox.list_for_user(USER)
    assert "desculp" in apology.payload["body"].lower()
    [failure] = [e for e in entries if e["event"] == "conversation.failed_internal"]
    assert failure["log_level"] == "error" and failure["error"] == "RuntimeError"
    assert "Ana" not in repr(entries) and "cpf" not in repr(entries)


async def test_endless_conflicts_make_meta_retry(storage) -> None:
    always = _Conflicting()
    person = Person(dataclasses.replace(storage, turns=always), Clock())
    with pytest.raises(VersionConflict):
        await person.says("oi")
    assert always.attempts == 5


def _again(person: Person, wamid: str) -> InboundMessage:
    sender = SenderRef(SenderIdKind.WA_ID, PHONE[1:])
    reply = InteractiveReply("button_reply", "confirm_yes")
    return InboundMessage(wamid, "PNID", sender, person.clock.now, MessageKind.INTERACTIVE,
                          "interactive", interactive=reply)  # fmt: skip


class _Broken:
    def __init__(self, engine) -> None:
        self.content, self.config, self.fail = engine.content, engine.config, engine.fail

    def handle(self, *args, **kwargs):
        raise RuntimeError("meu nome é Ana e meu cpf é 123")


class _StaleIdle:
    def __init__(self, sessions, stale) -> None:
        self._sessions, self._stale = sessions, stale

    def __getattr__(self, name):
        return getattr(self._sessions, name)

    async def list_idle(self, before, limit=100):
        return [self._stale]


class _Conflicting:
    def __init__(self) -> None:
        self.attempts = 0

    async def run_turn(self, user_key, plan):
        self.attempts += 1
        raise VersionConflict("always")
