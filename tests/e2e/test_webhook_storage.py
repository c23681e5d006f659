"""The webhook answers 200 only once the inbound message is durable."""

import asyncio
from dataclasses import replace

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.adapters.storage.sqlite.turns import SqliteTurnStore
from pyloto_corp.application.errors import StorageUnavailable
from pyloto_corp.application.inbound.process_inbound_message import user_key_of
from pyloto_corp.domain.messages import SenderIdKind, SenderRef
from pyloto_corp.infra.settings import DEV_PLACEHOLDER
from tests.support import meta

PEPPER = DEV_PLACEHOLDER.encode()
USER_KEY = user_key_of(PEPPER, SenderRef(SenderIdKind.WA_ID, meta.WA_ID))


class FlakyTurns(SqliteTurnStore):
    """The store is down for the first ``outages`` turns (each stores the inbound message)."""

    def __init__(self, db, outages: int) -> None:
        super().__init__(db)
        self.outages = outages

    async def run_turn(self, user_key, plan):
        if self.outages:
            self.outages -= 1
            raise StorageUnavailable("disk gone")
        return await super().run_turn(user_key, plan)


def test_redelivery_past_dedupe_stores_one_message_and_keeps_the_header(
    client_factory, deliver, tmp_path
):
    """Even if the dedupe marks are lost, the store's create-only insert keeps one copy."""
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    document = meta.envelope([meta.message(text={"body": "  quero   um app  "})])
    first = client_factory(storage=storage)
    assert deliver(document, first).json()["processed"] == 1
    header = asyncio.run(storage.conversations.get_header(USER_KEY))
    second = client_factory(storage=storage, dedupe=MemoryDedupeGate(lease_seconds=5,
                            done_ttl_seconds=5))  # fmt: skip
    assert deliver(document, second).json()["processed"] == 1
    [stored] = inbound(asyncio.run(storage.conversations.list_messages(USER_KEY)))
    assert stored.text == "quero um app" and stored.kind == "text"
    assert asyncio.run(storage.conversations.get_header(USER_KEY)) == header


def test_storage_outage_answers_503_and_the_retry_stores_it(client_factory, deliver, tmp_path):
    """Nothing is lost: 503 while the store is down, stored once on Meta's retry."""
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    flaky = FlakyTurns(storage.conversations._db, outages=1)
    client = client_factory(storage=replace(storage, turns=flaky))
    document = meta.envelope([meta.message()])
    failed = deliver(document, client)
    assert failed.status_code == 503 and failed.headers["retry-after"]
    assert deliver(document, client).json()["processed"] == 1
    assert len(inbound(asyncio.run(storage.conversations.list_messages(USER_KEY)))) == 1


def test_interactive_and_media_store_words_not_payloads(client_factory, deliver, tmp_path):
    """A button stores its title, a photo its caption; a reaction stores no text."""
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    client = client_factory(storage=storage)
    reply = {"interactive": {"type": "button_reply", "button_reply": {"id": "b1", "title": "Sim"}}}
    photo = {"image": {"id": "M1", "caption": "fachada", "sha256": "x"}}
    reaction = {"reaction": {"message_id": "wamid.X", "emoji": "👍"}}
    messages = [meta.message("interactive", ts=1, **reply), meta.message("image", ts=2, **photo),
                meta.message("reaction", ts=3, **reaction)]  # fmt: skip
    assert deliver(meta.envelope(messages), client).status_code == 200
    stored = inbound(asyncio.run(storage.conversations.list_messages(USER_KEY)))
    assert [(m.kind, m.text) for m in stored] == [
        ("interactive", "Sim"), ("image", "fachada"), ("reaction", None)]  # fmt: skip


def inbound(messages: list) -> list:
    """What the person sent (the bot's replies are in the history too, direction=out)."""
    return [m for m in messages if m.direction == "in"]
