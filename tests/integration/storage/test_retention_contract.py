"""Retention: Firestore documents carry ``expires_at`` for its TTL policy; on SQLite the
records past their date are listed and deleted, live ones (open sessions, replies waiting)
never are, and the audit chain stays."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from google.cloud.firestore import AsyncClient

from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.media.media_store import media_path
from pyloto_corp.application.privacy.apply_retention import ApplyRetention
from pyloto_corp.domain.audit import verify_chain
from pyloto_corp.domain.retention import RetentionPolicy
from tests.integration.storage.conftest import T0
from tests.integration.storage.test_erasure_contract import ANA, Talk, key
from tests.support.firestore_emulator import PROJECT

pytestmark = pytest.mark.anyio
YEAR = timedelta(days=365)


@pytest.mark.firestore
async def test_firestore_documents_carry_expires_at(firestore_emulator, monkeypatch,
                                                    shared_event_loop):  # fmt: skip
    """Messages, closed sessions, replies and the lead profile: stored time + 365 days."""
    firestore_emulator.wipe()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    storage = build_firestore_storage(PROJECT)
    talk = Talk(storage)
    await talk.says(ANA, "oi")
    await talk.says(ANA, "parar")
    client = AsyncClient(project=PROJECT)
    conversation = client.collection("conversations").document(key(ANA))
    for name in ("messages", "sessions", "outbox"):
        docs = [d.to_dict() async for d in conversation.collection(name).stream()]
        assert docs and all("expires_at" in d for d in docs), name
        for doc in docs:
            since = doc.get("stored_at") or doc.get("last_activity_at") or doc["created_at"]
            assert doc["expires_at"] == since + YEAR
    lead = (await client.collection("lead_profiles").document(key(ANA)).get()).to_dict()
    assert lead["expires_at"] == lead["updated_at"] + YEAR
    await storage.close()


async def sent_all(storage, user_key: str) -> None:
    for item in await storage.outbox.list_for_user(user_key):
        await storage.outbox.record_sent([(item, f"wamid.out.{item.item_id}")],
                                         item.claim_token, item.created_at)  # fmt: skip


def aged(store_root, path: str, days: float) -> None:
    target = store_root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x")
    when = (T0 - timedelta(days=days)).timestamp()
    os.utime(target, (when, when))


async def test_sqlite_retention_lists_then_deletes_what_is_past_its_date(tmp_path):
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    talk = Talk(storage)
    await talk.says(ANA, "oi")
    await talk.says(ANA, "parar")  # a closed session, sent replies, a lead profile
    await talk.says(ANA, "oi de novo")  # an open session: live, never expired
    media, exports = LocalFolderMediaStore(tmp_path / "m"), LocalFolderMediaStore(tmp_path / "x")
    aged(tmp_path / "m", media_path(key(ANA), "wamid.old", "jpg"), 91)
    aged(tmp_path / "m", media_path(key(ANA), "wamid.new", "jpg"), 89)
    aged(tmp_path / "x", "exports/conversations/K/old_history.txt", 181)
    await sent_all(storage, key(ANA))
    now = ApplyRetention(storage.expired, media, exports, RetentionPolicy(), lambda: T0)
    assert (await now.execute(dry_run=True))["records"]["messages"] == 0  # all stored after T0
    files = (await now.execute(dry_run=False))["files"]
    assert files == {"media": [media_path(key(ANA), "wamid.old", "jpg")],
                     "exports": ["exports/conversations/K/old_history.txt"]}  # fmt: skip
    assert [o.path for o in await media.list_objects("media/")] == [
        media_path(key(ANA), "wamid.new", "jpg")
    ]
    later = T0 + timedelta(days=366)
    listed = await ApplyRetention(storage.expired, media, None, RetentionPolicy(),
                                  lambda: later).execute(dry_run=True)  # fmt: skip
    assert listed["records"]["messages"] == 3 and listed["records"]["lead_profiles"] == 1
    assert listed["records"]["sessions"] == 1 and listed["records"]["replies"] >= 3
    assert len(await storage.conversations.list_messages(key(ANA))) == 3
    done = await ApplyRetention(storage.expired, media, None, RetentionPolicy(),
                                lambda: later).execute(dry_run=False)  # fmt: skip
    assert done["records"] == listed["records"]
    assert await storage.conversations.list_messages(key(ANA)) == []
    assert await storage.leads.get(key(ANA)) is None
    assert await storage.sessions.get_open(key(ANA)) is not None
    assert verify_chain(await storage.audit.list_events(key(ANA))).valid
    await storage.close()
