"""Failure paths of each backend surface as typed errors (→ 5xx, Meta retries)."""

import sqlite3
from datetime import UTC, datetime

import pytest
from google.api_core import exceptions as gexc
from google.cloud.firestore import AsyncClient

from pyloto_corp.adapters.storage.firestore.client import doc_id, guard, run_transaction
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps
from pyloto_corp.application.errors import AuditConflict, StorageUnavailable
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.domain.audit import AuditEvent

pytestmark = pytest.mark.anyio


def test_sqlite_busy_database_is_storage_unavailable(tmp_path):
    """Another process holding the write lock past the busy timeout: StorageUnavailable."""
    db = SqliteDatabase(tmp_path / "db.sqlite3", busy_timeout=0.05)
    other = sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageUnavailable), db.transaction():
            pass
    finally:
        other.execute("ROLLBACK")
    with db.transaction() as tx:
        tx.execute("SELECT 1")


def test_sqlite_refuses_values_it_cannot_round_trip():
    """Only JSON values (and datetimes) are stored; anything else is a programming error."""
    assert dumps({"at": datetime(2026, 1, 1, tzinfo=UTC), "tags": ("a",)}) == (
        '{"at":"2026-01-01T00:00:00.000000+00:00","tags":["a"]}'
    )
    with pytest.raises(TypeError):
        dumps({"x": object()})


def test_firestore_ids_escape_reserved_forms():
    """'/', '%', '.', '..' and '__x__' become legal, distinct document ids."""
    ids = ["a/b", "a%2Fb", ".", "..", "__x__", "plain"]
    escaped = [doc_id(raw) for raw in ids]
    assert escaped == ["a%2Fb", "a%252Fb", "%.", "%..", "%__x__", "plain"]
    assert len(set(escaped)) == len(ids)


async def test_firestore_errors_become_storage_unavailable():
    """Any Google API failure inside guard() is StorageUnavailable."""
    with pytest.raises(StorageUnavailable):
        async with guard():
            raise gexc.ServiceUnavailable("emulator down")


@pytest.mark.firestore
async def test_firestore_contention_and_errors_in_transactions(
    firestore_emulator, monkeypatch, shared_event_loop
):
    """Aborted is retried then given up as StorageUnavailable; other errors keep their type."""
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    client = AsyncClient(project="demo-test")
    calls = []

    async def always_aborted(tx):
        calls.append(1)
        raise gexc.Aborted("contention")

    with pytest.raises(StorageUnavailable, match="contention"):
        await run_transaction(client, always_aborted, attempts=3)
    assert len(calls) == 3

    async def invalid(tx):
        raise gexc.InvalidArgument("bad")

    with pytest.raises(StorageUnavailable):
        await run_transaction(client, invalid)

    async def bug(tx):
        raise ValueError("a programming error")

    with pytest.raises(ValueError, match="programming"):
        await run_transaction(client, bug)


class AlwaysMovingLog:
    """An AuditLog whose tail always moves before the append lands."""

    async def tail(self, user_key):
        return ("0" * 64, 0)

    async def append(self, draft, expected_prev_hash):
        raise AuditConflict("moved")


async def test_audit_trail_gives_up_after_bounded_retries():
    """Retries are short and bounded: a chain that never settles is an error, not a hang."""
    waits = []

    async def no_sleep(attempt):
        waits.append(attempt)

    trail = AuditTrail(AlwaysMovingLog(), backoff=no_sleep, max_attempts=4)
    draft = AuditEvent(event_id="e", user_key="u", timestamp="t", actor="a", action="b", reason="c")
    with pytest.raises(AuditConflict):
        await trail.record(draft)
    assert waits == [0, 1, 2, 3]
