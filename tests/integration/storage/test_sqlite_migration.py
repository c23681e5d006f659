"""An SQLite file made before the stored audit head: opening it adds the head, back-filled
from each chain's last event, once (``PRAGMA user_version``)."""

from __future__ import annotations

import sqlite3

import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.adapters.storage.sqlite.database import SCHEMA_VERSION, SqliteDatabase
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.domain.audit import AuditEvent, AuditHead

pytestmark = pytest.mark.anyio


def draft(user_key: str, n: int) -> AuditEvent:
    return AuditEvent(f"{user_key}-e{n}", user_key, f"2026-11-23T12:00:0{n}+00:00", "Otto",
                      "USER_CONTACT", "mensagem recebida")  # fmt: skip


async def test_an_older_file_gets_its_heads_back_filled(tmp_path):
    """Two people's chains written before the head existed: each head is its last event."""
    path = tmp_path / "antigo.sqlite3"
    storage = build_sqlite_storage(path)
    trail = AuditTrail(storage.audit)
    ana = [await trail.record(draft("ana", n)) for n in range(1, 4)]
    bia = [await trail.record(draft("bia", 1))]
    await storage.close()
    with sqlite3.connect(path) as conn:  # as the file was before the migration
        conn.execute("DROP TABLE audit_heads")
        conn.execute("PRAGMA user_version = 0")
    storage = build_sqlite_storage(path)
    assert await storage.audit.head("ana") == AuditHead(ana[-1].hash, 3, "ana-e3")
    assert await storage.audit.head("bia") == AuditHead(bia[-1].hash, 1, "bia-e1")
    assert (await AuditTrail(storage.audit).verify("ana")).valid
    fourth = await AuditTrail(storage.audit).record(draft("ana", 4))
    assert fourth.prev_hash == ana[-1].hash and fourth.seq == 4
    await storage.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_current_file_is_not_migrated_again(tmp_path):
    """Reopening a migrated file changes nothing (the version is already there)."""
    path = tmp_path / "atual.sqlite3"
    SqliteDatabase(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO audit_heads VALUES ('uk', 7, 'h', 'e7')")
    db = SqliteDatabase(path)
    assert db.query("SELECT seq, hash FROM audit_heads") == [(7, "h")]
    assert db.query("PRAGMA user_version") == [(SCHEMA_VERSION,)]
    db.close()
