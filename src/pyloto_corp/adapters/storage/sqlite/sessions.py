"""SessionStore on SQLite: optimistic concurrency on ``version``, one open session per person."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, iso, loads
from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.domain.records import SessionRecord


class SqliteSessionStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def get_open(self, user_key: str) -> SessionRecord | None:
        rows = self._db.query(
            "SELECT doc FROM sessions WHERE user_key = ? AND is_open = 1", (user_key,)
        )
        return codec.session_from(loads(rows[0][0])) if rows else None

    async def get(self, user_key: str, session_id: str) -> SessionRecord | None:
        rows = self._db.query(
            "SELECT doc FROM sessions WHERE session_id = ? AND user_key = ?",
            (session_id, user_key),
        )
        return codec.session_from(loads(rows[0][0])) if rows else None

    async def save(self, session: SessionRecord) -> SessionRecord:
        with self._db.transaction() as tx:
            return save_session(tx, session)

    async def list_for_user(self, user_key: str) -> list[SessionRecord]:
        rows = self._db.query("SELECT doc FROM sessions WHERE user_key = ?", (user_key,))
        found = [codec.session_from(loads(r[0])) for r in rows]
        return sorted(found, key=codec.session_order)

    async def list_idle(self, before: datetime, limit: int = 100) -> list[SessionRecord]:
        rows = self._db.query(
            "SELECT doc FROM sessions WHERE is_open = 1 AND last_activity_at <= ? "
            "ORDER BY last_activity_at LIMIT ?",
            (iso(before), limit),
        )
        return [codec.session_from(loads(r[0])) for r in rows]


def save_session(tx: sqlite3.Connection, session: SessionRecord) -> SessionRecord:
    """Write ``session`` if the stored version is still ``session.version`` (0 = new)."""
    saved = replace(session, version=session.version + 1)
    row = (int(saved.is_open), iso(saved.last_activity_at), saved.version,
           dumps(codec.session_doc(saved)))  # fmt: skip
    if session.version == 0:
        try:
            tx.execute(
                "INSERT INTO sessions (is_open, last_activity_at, version, doc, session_id, "
                "user_key) VALUES (?,?,?,?,?,?)",
                (*row, saved.session_id, saved.user_key),
            )
        except sqlite3.IntegrityError as exc:
            raise VersionConflict("session exists or another one is open") from exc
        return saved
    changed = tx.execute(
        "UPDATE sessions SET is_open=?, last_activity_at=?, version=?, doc=? "
        "WHERE session_id=? AND user_key=? AND version=?",
        (*row, saved.session_id, saved.user_key, session.version),
    ).rowcount
    if not changed:
        raise VersionConflict(f"session {session.session_id} changed since read")
    return saved
