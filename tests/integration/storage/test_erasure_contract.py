"""LGPD erasure on SQLite and on the Firestore emulator: nothing of the person is left but
the audit chain, which still verifies and ends in the DATA_ERASED event."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.application.errors import ConversationNotFound
from pyloto_corp.application.inbound.converse import Converse
from pyloto_corp.application.media.media_store import media_path
from pyloto_corp.application.privacy.erase_subject import EraseSubjectData, ErasureRequest
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.bootstrap import build_engine
from pyloto_corp.domain.audit import verify_chain
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.domain.messages import InboundMessage, MessageKind, SenderIdKind, SenderRef
from pyloto_corp.domain.outbound import Recipient
from tests.conftest import make_settings
from tests.integration.storage.conftest import T0

pytestmark = pytest.mark.anyio
PEPPER = b"pepper-for-tests-0123456789abcdef"
ANA, BETO = "+5542999990001", "+5542999990002"


class Talk:
    """People writing to the bot through Converse, one message a minute."""

    def __init__(self, storage) -> None:
        self.storage, self.now, self.count = storage, T0, itertools.count(1)
        ids = (f"id{n}" for n in itertools.count())
        self.converse = Converse(storage, build_engine(make_settings()), clock=lambda: self.now,
                                 new_id=lambda: next(ids), actor="Otto")  # fmt: skip

    async def says(self, phone: str, text: str) -> str:
        self.now += timedelta(minutes=1)
        wamid = f"wamid.{next(self.count)}"
        message = InboundMessage(wamid, "PNID", SenderRef(SenderIdKind.WA_ID, phone[1:]),
                                 self.now, MessageKind.TEXT, "text", text=text)  # fmt: skip
        stored = StoredMessage.sanitized(
            user_key=key(phone), provider_message_id=wamid, direction=Direction.IN,
            kind="text", sent_at=self.now, stored_at=self.now, text=text,
        )  # fmt: skip
        await self.converse.handle(message, stored, Recipient(phone=phone))
        return wamid


def key(phone: str) -> str:
    return user_key_for_phone(PEPPER, phone)


@pytest.fixture
def media(tmp_path):
    return LocalFolderMediaStore(tmp_path / "media")


ERASURE_IDS = (f"e{n}" for n in itertools.count())


def eraser(storage, media, talk: Talk) -> EraseSubjectData:
    ids = ERASURE_IDS
    return EraseSubjectData(storage, media, pepper=PEPPER, clock=lambda: talk.now,
                            new_id=lambda: next(ids))  # fmt: skip


def request(phone: str = ANA) -> ErasureRequest:
    return ErasureRequest(Subject(phone=phone), "pedido do titular, protocolo 42", "juridico")


async def converse(talk: Talk, phone: str, *lines: str) -> None:
    for line in lines:
        await talk.says(phone, line)


async def left_of(storage, user_key: str) -> dict:
    return {
        "messages": await storage.conversations.list_messages(user_key),
        "sessions": await storage.sessions.list_for_user(user_key),
        "open": await storage.sessions.get_open(user_key),
        "replies": await storage.outbox.list_for_user(user_key),
        "lead": await storage.leads.get(user_key),
        "header": await storage.conversations.get_header(user_key),
    }


async def test_erasure_leaves_only_the_audit_chain(storage, media):
    """Messages, sessions, replies, profile, media go; the chain verifies, ends in DATA_ERASED."""
    talk = Talk(storage)
    await converse(talk, ANA, "oi", "quero um sistema pra minha padaria", "parar")
    await converse(talk, BETO, "oi")
    photo = media_path(key(ANA), "wamid.9", "jpg")
    assert await media.save(photo, b"jpeg", content_type="image/jpeg", sha256="x")
    beto_photo = media_path(key(BETO), "wamid.8", "jpg")
    assert await media.save(beto_photo, b"b", content_type="image/jpeg", sha256="y")
    before = await storage.audit.list_events(key(ANA))

    result = await eraser(storage, media, talk).execute(request())

    counts = result.to_dict()["counts"]
    assert counts["messages"] == 3 and counts["sessions"] >= 1 and counts["replies"] >= 3
    assert counts["lead_profiles"] == 1 and counts["media"] == 1
    left = await left_of(storage, key(ANA))
    assert left == {"messages": [], "sessions": [], "open": None, "replies": [], "lead": None,
                    "header": None}  # fmt: skip
    assert [o.path for o in await media.list_objects("media/")] == [
        media_path(key(BETO), "wamid.8", "jpg")
    ]
    events = await storage.audit.list_events(key(ANA))
    assert events[: len(before)] == before and len(events) == len(before) + 1
    assert events[-1].action == "DATA_ERASED" and events[-1].actor == "juridico"
    assert events[-1].details["counts"] == counts
    assert verify_chain(events).valid and result.tail_hash == events[-1].hash
    assert result.to_dict()["opted_out_at"] is not None  # the opt-out survives, keyed only
    beto = await left_of(storage, key(BETO))
    assert beto["messages"] and beto["lead"] is not None


async def test_a_second_erasure_is_a_no_op(storage, media):
    """Nothing left: no deletion, no event; the answer says so."""
    talk = Talk(storage)
    await converse(talk, ANA, "oi")
    first = await eraser(storage, media, talk).execute(request())
    events = await storage.audit.list_events(key(ANA))
    again = await eraser(storage, media, talk).execute(request())
    assert first.erasure is not None and again.erasure is None
    assert again.to_dict()["erased"] is False and again.tail_hash == events[-1].hash
    assert await storage.audit.list_events(key(ANA)) == events


async def test_nobody_known_is_not_found(storage, media):
    talk = Talk(storage)
    with pytest.raises(ConversationNotFound):
        await eraser(storage, media, talk).execute(request(BETO))


async def test_the_person_can_come_back_after_an_erasure(storage, media):
    """A new message starts a new conversation; a later erasure removes it too."""
    talk = Talk(storage)
    await converse(talk, ANA, "oi", "parar")
    await eraser(storage, media, talk).execute(request())
    talk.now += timedelta(days=1)
    await converse(talk, ANA, "oi de novo")
    header = await storage.conversations.get_header(key(ANA))
    assert header is not None and len(await storage.conversations.list_messages(key(ANA))) == 1
    second = await eraser(storage, media, talk).execute(request())
    assert second.erasure is not None and second.erasure.counts.messages == 1
    assert second.erasure.opted_out_at is not None  # kept: no conversation ended otherwise since
    assert verify_chain(await storage.audit.list_events(key(ANA))).valid
