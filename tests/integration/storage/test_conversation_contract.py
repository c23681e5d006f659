"""ConversationStore contract: create-only messages, header clocks in the same transaction."""

import pytest

from pyloto_corp.domain.conversation import Direction, PayloadRef, StoredMessage
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_AbC-123"


def msg(wamid: str, sent: float, stored: float | None = None, user: str = USER, **extra):
    return StoredMessage.sanitized(
        user_key=user, provider_message_id=wamid, direction=extra.pop("direction", Direction.IN),
        kind="text", sent_at=at(sent), stored_at=at(stored if stored is not None else sent),
        text=extra.pop("text", "oi"), **extra,
    )  # fmt: skip


async def test_first_message_creates_header(storage):
    """The first message creates the header with created/updated/last_message clocks."""
    assert await storage.conversations.append_message(msg("wamid.1", 1, 2), tenant_id="pyloto")
    header = await storage.conversations.get_header(USER)
    assert (header.created_at, header.updated_at, header.last_message_at) == (at(2), at(2), at(1))
    assert header.tenant_id == "pyloto"


async def test_same_message_twice_is_one_document_and_header_unchanged(storage):
    """A redelivered message is success without a second write: one doc, same header."""
    assert await storage.conversations.append_message(msg("wamid.1", 1))
    before = await storage.conversations.get_header(USER)
    assert not await storage.conversations.append_message(msg("wamid.1", 9, 9, text="outro"))
    assert await storage.conversations.get_header(USER) == before
    [stored] = await storage.conversations.list_messages(USER)
    assert stored.text == "oi"


async def test_late_message_never_moves_last_message_at_back(storage):
    """Unordered delivery: an older message updates updated_at but not last_message_at."""
    await storage.conversations.append_message(msg("wamid.new", 10))
    await storage.conversations.append_message(msg("wamid.old", 5, 11))
    header = await storage.conversations.get_header(USER)
    assert (header.last_message_at, header.updated_at) == (at(10), at(11))
    assert header.created_at == at(10)


async def test_messages_listed_in_time_order_with_all_fields(storage):
    """Messages come back oldest first, every field intact, other people's excluded."""
    ref = PayloadRef(path="media/u/w.jpg", mime_type="image/jpeg", size=10, sha256="ab")
    await storage.conversations.append_message(
        msg("wamid.2", 2, direction=Direction.OUT, session_id="s1")
    )
    await storage.conversations.append_message(msg("wamid.1", 1, payload_ref=ref, text=None))
    await storage.conversations.append_message(msg("wamid.x", 0, user="someone_else"))
    first, second = await storage.conversations.list_messages(USER)
    assert (first.provider_message_id, first.payload_ref, first.text) == ("wamid.1", ref, None)
    assert (second.direction, second.session_id, second.sent_at) == (Direction.OUT, "s1", at(2))


async def test_provider_ids_with_slashes_and_dots_are_stored(storage):
    """Meta ids are base64 (may contain '/', '+', '='); odd ids still round-trip."""
    for wamid in ("wamid.HBg/abc+def==", "..", "__reserved__", "a%2Fb"):
        assert await storage.conversations.append_message(msg(wamid, 1))
    ids = {m.provider_message_id for m in await storage.conversations.list_messages(USER)}
    assert ids == {"wamid.HBg/abc+def==", "..", "__reserved__", "a%2Fb"}


async def test_text_is_sanitized_and_bounded(storage):
    """Whitespace is normalized and text cut at 4000 characters with the marker."""
    await storage.conversations.append_message(
        msg("wamid.1", 1, text="  oi   \t tudo\r\n\n\n\nbem ")
    )
    await storage.conversations.append_message(msg("wamid.2", 2, text="x" * 5000))
    short, long = await storage.conversations.list_messages(USER)
    assert short.text == "oi tudo\n\nbem"
    assert long.text == "x" * 4000 + "…[truncated]"


async def test_unknown_conversation_has_no_header(storage):
    """No messages, no header, empty history."""
    assert await storage.conversations.get_header("nobody") is None
    assert await storage.conversations.list_messages("nobody") == []
    await storage.ping()


async def test_a_closed_window_reopens_with_the_persons_next_message(storage):
    """131047 closes the 24 h window on the header; an outbound message leaves it closed."""
    await storage.conversations.close_window("nobody", at(1))  # no conversation: nothing
    assert await storage.conversations.get_header("nobody") is None
    await storage.conversations.append_message(msg("wamid.1", 1))
    await storage.conversations.close_window(USER, at(2))
    await storage.conversations.close_window(USER, at(3))  # the first closing time stays
    await storage.conversations.append_message(msg("wamid.out", 4, direction=Direction.OUT))
    assert (await storage.conversations.get_header(USER)).window_closed_at == at(2)
    await storage.conversations.append_message(msg("wamid.2", 5))
    assert (await storage.conversations.get_header(USER)).window_closed_at is None
