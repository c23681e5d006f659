"""ExpiredRecords on SQLite: what the conversation retention has run out for.

Open sessions and replies still waiting to be sent are never expired: they are live.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, iso

# kind -> (table, condition on a row stored or last changed before ?); constants, not input.
_EXPIRED = {
    "messages": ("messages", "json_extract(doc, '$.stored_at') < ?"),
    "sessions": ("sessions", "is_open = 0 AND last_activity_at < ?"),
    "replies": ("outbox", "json_extract(doc, '$.status') != 'pending' "
                          "AND json_extract(doc, '$.created_at') < ?"),
    "lead_profiles": ("lead_profiles", "json_extract(doc, '$.updated_at') < ?"),
    "media_jobs": ("media_jobs", "status != 'pending' AND json_extract(doc, '$.created_at') < ?"),
    "handoffs": ("handoffs", "created_at < ?"),
    "handoff_events": ("handoff_events", "status != 'pending' "
                                         "AND json_extract(doc, '$.created_at') < ?"),
}  # fmt: skip


def _each(tx: sqlite3.Connection, verb: str, before: datetime) -> dict[str, int]:
    found = {}
    for kind, (table, condition) in _EXPIRED.items():
        cursor = tx.execute(f"{verb} FROM {table} WHERE {condition}", (iso(before),))
        found[kind] = cursor.rowcount if verb == "DELETE" else cursor.fetchone()[0]
    return found


class SqliteExpiredRecords:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def expired(self, before: datetime) -> dict[str, int]:
        with self._db.transaction() as tx:
            return _each(tx, "SELECT count(*)", before)

    async def delete_expired(self, before: datetime) -> dict[str, int]:
        with self._db.transaction() as tx:
            deleted = _each(tx, "DELETE", before)
        self._db.checkpoint()  # what expired leaves neither the file nor the -wal behind
        return deleted
