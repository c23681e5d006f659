"""SubjectDataStore on SQLite: an erasure is one IMMEDIATE transaction, then a checkpoint.

The connection deletes securely (zeroed pages); the checkpoint then moves those pages into
the file and truncates the write-ahead log, where the erased rows would otherwise remain.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.audit import append_sealed, read_tail
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.application.privacy.erasure import DraftFor, Erasure
from pyloto_corp.domain.privacy import ErasureCounts, opted_out_at


def _delete(tx: sqlite3.Connection, table: str, user_key: str) -> int:
    # ``table`` is one of this module's constants, never input.
    return tx.execute(f"DELETE FROM {table} WHERE user_key = ?", (user_key,)).rowcount  # noqa: S608


def erased_header(user_key: str, at: datetime, opted_out: datetime | None) -> dict:
    doc: dict = {"user_key": user_key, "erased_at": at}
    if opted_out is not None:
        doc["opted_out_at"] = opted_out
    return doc


class SqliteSubjectDataStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def erase_subject(
        self, user_key: str, *, media: int, at: datetime, draft_for: DraftFor
    ) -> Erasure | None:
        with self._db.transaction() as tx:
            rows = tx.execute("SELECT doc FROM sessions WHERE user_key = ?", (user_key,))
            sessions = [codec.session_from(loads(r[0])) for r in rows.fetchall()]
            header = tx.execute("SELECT doc FROM conversations WHERE user_key = ?", (user_key,))
            found = header.fetchone()
            known = codec.as_utc(loads(found[0]).get("opted_out_at")) if found else None
            counts = ErasureCounts(
                messages=_delete(tx, "messages", user_key),
                sessions=_delete(tx, "sessions", user_key),
                replies=_delete(tx, "outbox", user_key),
                lead_profiles=_delete(tx, "lead_profiles", user_key),
                media=media,
            )
            if counts.total == 0:
                return None
            _delete(tx, "media_jobs", user_key)  # downloads not done yet must not bring media back
            _delete(tx, "handoffs", user_key)  # the lead and the messages forwarded go too
            _delete(tx, "handoff_events", user_key)
            opted_out = opted_out_at(sessions, known)
            tx.execute(
                "INSERT OR REPLACE INTO conversations (user_key, doc) VALUES (?, ?)",
                (user_key, dumps(erased_header(user_key, at, opted_out))),
            )
            draft = draft_for(counts, opted_out)
            [event] = append_sealed(tx, [draft], read_tail(tx, user_key))
        self._db.checkpoint()
        return Erasure(counts, event, opted_out)
