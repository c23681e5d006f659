"""An erasure on a real SQLite file leaves no byte of the person in the file or its -wal.

``secure_delete`` zeroes what is deleted; the checkpoint after the erasure moves those
pages into the file and truncates the write-ahead log, where the rows would remain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from tests.integration.storage.test_erasure_contract import ANA, BETO, Talk, eraser, request

pytestmark = pytest.mark.anyio
MARKER = "zebra-marcador-91827364"
KEPT = "girafa-marcador-55512"


def raw_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log, as any disk reader would see them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def test_erased_text_is_in_neither_the_file_nor_the_wal(tmp_path, shared_event_loop):
    path = tmp_path / "pyloto.sqlite3"
    storage = build_sqlite_storage(path)
    try:
        talk = Talk(storage)
        for line in ("oi", f"meu código é {MARKER}", f"repito: {MARKER} {MARKER}"):
            await talk.says(ANA, line)
        await talk.says(BETO, f"oi, {KEPT}")
        assert MARKER.encode() in raw_bytes(path)  # stored, before the erasure

        media = LocalFolderMediaStore(tmp_path / "media")
        result = await eraser(storage, media, talk).execute(request(ANA))

        assert result.erasure is not None and result.erasure.counts.messages == 3
        data = raw_bytes(path)
        assert MARKER.encode() not in data
        assert KEPT.encode() in data  # someone else's conversation is untouched
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # truncated by the checkpoint
    finally:
        await storage.close()


async def test_every_connection_deletes_securely(tmp_path, shared_event_loop):
    path = tmp_path / "pyloto.sqlite3"
    storage = build_sqlite_storage(path)
    try:
        await storage.ping()
        db = storage.conversations._db
        assert db.query("PRAGMA secure_delete") == [(1,)]
    finally:
        await storage.close()
