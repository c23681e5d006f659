"""A turn happens when the service receives it, on every backend (Meta redelivers late)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from pyloto_corp.application.inbound.converse import Converse
from pyloto_corp.application.inbound.sweep_sessions import SweepIdleSessions
from pyloto_corp.bootstrap import build_engine
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.messages import InboundMessage, MessageKind, SenderIdKind, SenderRef
from pyloto_corp.domain.outbound import Recipient
from tests.conftest import make_settings
from tests.integration.storage.conftest import T0

pytestmark = pytest.mark.anyio
USER = "t" * 64
PHONE = "+5542999990002"


class Service:
    """Converse on the service's clock; each message says how late Meta delivers it."""

    def __init__(self, storage) -> None:
        self.storage, self.now, self.count = storage, T0, 0
        ids = (f"id{n}" for n in itertools.count())
        self.engine = build_engine(make_settings())
        self.converse = Converse(storage, self.engine, clock=lambda: self.now,
                                 new_id=lambda: next(ids), actor="Otto")  # fmt: skip

    async def receives(self, text: str, *, late: timedelta = timedelta()) -> None:
        self.count += 1
        sender = SenderRef(SenderIdKind.WA_ID, PHONE[1:])
        message = InboundMessage(f"wamid.late.{self.count}", "PNID", sender, self.now - late,
                                 MessageKind.TEXT, "text", text=text)  # fmt: skip
        stored = StoredMessage.sanitized(
            user_key=USER, provider_message_id=message.provider_message_id,
            direction=Direction.IN, kind="text", sent_at=message.sent_at, stored_at=self.now,
            text=text,
        )  # fmt: skip
        await self.converse.handle(message, stored, Recipient(phone=PHONE))


async def test_a_late_message_then_an_immediate_reply_is_one_session(storage) -> None:
    """Written 2h10 before it arrives; the reply a minute later still finds the session open."""
    service = Service(storage)
    late = timedelta(hours=2, minutes=10)
    await service.receives("preciso de um sistema pra minha loja", late=late)
    service.now += timedelta(minutes=1)
    await service.receives("controlar o estoque")
    sessions = await storage.sessions.list_for_user(USER)
    assert len(sessions) == 1 and sessions[0].is_open
    assert sessions[0].opened_at == T0 and sessions[0].last_activity_at == T0 + timedelta(minutes=1)
    messages = {m.provider_message_id: m for m in await storage.conversations.list_messages(USER)}
    first = messages["wamid.late.1"]
    assert (first.sent_at, first.stored_at) == (T0 - late, T0)


async def test_the_sweep_measures_idleness_from_when_the_service_received(storage) -> None:
    """A session fed a late message is not idle until SESSION_TIMEOUT after it arrived."""
    service = Service(storage)
    await service.receives("quero um site", late=timedelta(hours=3))
    sweep = SweepIdleSessions(storage, service.engine, clock=lambda: service.now, actor="Otto")
    service.now += timedelta(hours=1, minutes=59)
    assert (await sweep.run()).closed == 0
    service.now += timedelta(minutes=1)
    assert (await sweep.run()).closed == 1


async def test_a_backlog_redelivered_at_once_is_not_a_flood(storage) -> None:
    """Ten messages written over ten minutes, all arriving in one burst: no spam verdict."""
    service = Service(storage)
    for number in range(10):
        await service.receives(f"mensagem numero {number} sobre o meu sistema",
                               late=timedelta(minutes=10 - number))  # fmt: skip
        service.now += timedelta(seconds=1)
    sessions = await storage.sessions.list_for_user(USER)
    assert [s.outcome for s in sessions] == [None]
