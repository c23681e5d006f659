"""The SQLite file: schema, JSON documents, and IMMEDIATE transactions.

Every connection runs with ``secure_delete`` on (deleted content is overwritten with
zeros, never left in freed pages), and ``checkpoint`` folds the write-ahead log back into
the file and truncates it, so erased data lingers neither in the file nor in ``-wal``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import structlog

from pyloto_corp.application.errors import StorageUnavailable

log = structlog.get_logger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (user_key TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    user_key TEXT NOT NULL, provider_message_id TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (user_key, provider_message_id));
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY, user_key TEXT NOT NULL, is_open INTEGER NOT NULL,
    last_activity_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_one_open ON sessions (user_key) WHERE is_open = 1;
CREATE INDEX IF NOT EXISTS sessions_idle ON sessions (is_open, last_activity_at);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_key);
CREATE TABLE IF NOT EXISTS lead_profiles (user_key TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (
    user_key TEXT NOT NULL, item_id TEXT NOT NULL, provider_message_id TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (user_key, item_id));
CREATE INDEX IF NOT EXISTS outbox_provider_id ON outbox (provider_message_id);
CREATE TABLE IF NOT EXISTS media_jobs (
    user_key TEXT NOT NULL, provider_message_id TEXT NOT NULL, status TEXT NOT NULL,
    due_at TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (user_key, provider_message_id));
CREATE INDEX IF NOT EXISTS media_jobs_due ON media_jobs (status, due_at);
CREATE TABLE IF NOT EXISTS audit_events (
    user_key TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL, PRIMARY KEY (user_key, seq));
CREATE TABLE IF NOT EXISTS handoffs (
    handoff_id TEXT PRIMARY KEY, user_key TEXT NOT NULL, routing TEXT NOT NULL,
    created_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS handoffs_created ON handoffs (created_at);
CREATE INDEX IF NOT EXISTS handoffs_user ON handoffs (user_key);
CREATE TABLE IF NOT EXISTS handoff_events (
    event_id TEXT PRIMARY KEY, handoff_id TEXT NOT NULL, user_key TEXT NOT NULL,
    status TEXT NOT NULL, due_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS handoff_events_due ON handoff_events (status, due_at);
CREATE INDEX IF NOT EXISTS handoff_events_user ON handoff_events (user_key);
CREATE TABLE IF NOT EXISTS audit_heads (
    user_key TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL, event_id TEXT NOT NULL);
"""

# ``PRAGMA user_version`` counts the migrations applied to the file (0: a file made before
# the first one). Each runs once, in one IMMEDIATE transaction, in order.
MIGRATIONS = (
    # 1: the audit chain's stored head, back-filled from each chain's last event.
    "INSERT OR IGNORE INTO audit_heads (user_key, seq, hash, event_id) "
    "SELECT user_key, seq, json_extract(doc, '$.hash'), event_id FROM audit_events AS a "
    "WHERE seq = (SELECT max(seq) FROM audit_events AS b WHERE b.user_key = a.user_key)",
)
SCHEMA_VERSION = len(MIGRATIONS)


def iso(value: datetime) -> str:
    """Fixed-width UTC text, so that string order is time order in SQL comparisons."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def dumps(doc: dict[str, Any]) -> str:
    """Compact JSON text; datetimes as fixed-width UTC (orjson: several times json's speed)."""
    return orjson.dumps(doc, default=_default, option=_OPTIONS).decode()


def loads(text: str) -> dict[str, Any]:
    return orjson.loads(text)


class SqliteDatabase:
    def __init__(self, path: str | Path, busy_timeout: float = 5.0) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=busy_timeout
        )
        self._lock = threading.RLock()
        with self._lock:
            self._conn.execute("PRAGMA secure_delete=ON")
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Bring an older file up to SCHEMA_VERSION (another process may be doing it too)."""
        if self.query("PRAGMA user_version")[0][0] >= SCHEMA_VERSION:
            return
        with self.transaction() as tx:
            done = tx.execute("PRAGMA user_version").fetchone()[0]
            for sql in MIGRATIONS[done:]:
                tx.execute(sql)
            tx.execute(f"PRAGMA user_version = {max(done, SCHEMA_VERSION)}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers are serialized, readers never see half a change."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StorageUnavailable("sqlite busy") from exc
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                raise StorageUnavailable("sqlite commit failed") from exc

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                raise StorageUnavailable("sqlite read failed") from exc

    def checkpoint(self) -> bool:
        """Copy the whole WAL into the file and truncate it (after an erasure).

        False when another connection's reader kept part of it (it is retried at the next
        erasure or checkpoint); the failure is logged, never raised: the data is deleted.
        """
        with self._lock:
            try:
                busy, _, _ = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.OperationalError as exc:
                log.warning("sqlite.checkpoint_failed", error=type(exc).__name__)
                return False
        if busy:
            log.warning("sqlite.checkpoint_incomplete")
        return not busy

    async def ping(self) -> None:
        self.query("SELECT 1")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
