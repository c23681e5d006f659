"""AuditLog on SQLite: conditional append inside one IMMEDIATE transaction."""

from __future__ import annotations

import sqlite3

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent, seal

_TAIL = "SELECT seq, doc FROM audit_events WHERE user_key = ? ORDER BY seq DESC LIMIT 1"


def read_tail(tx: sqlite3.Connection, user_key: str) -> tuple[str, int]:
    row = tx.execute(_TAIL, (user_key,)).fetchone()
    return (loads(row[1])["hash"], row[0]) if row else (GENESIS_HASH, 0)


def append_sealed(
    tx: sqlite3.Connection, drafts: tuple[AuditEvent, ...] | list[AuditEvent], tail: tuple[str, int]
) -> list[AuditEvent]:
    """Seal each draft after the previous one, starting from ``tail``, and insert them."""
    sealed, (prev, seq) = [], tail
    for draft in drafts:
        event = seal(draft, prev_hash=prev, seq=seq + 1)
        tx.execute(
            "INSERT INTO audit_events (user_key, seq, event_id, doc) VALUES (?,?,?,?)",
            (event.user_key, event.seq, event.event_id, dumps(codec.audit_doc(event))),
        )
        sealed.append(event)
        prev, seq = event.hash, event.seq
    return sealed


class SqliteAuditLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def tail(self, user_key: str) -> tuple[str, int]:
        rows = self._db.query(_TAIL, (user_key,))
        return (loads(rows[0][1])["hash"], rows[0][0]) if rows else (GENESIS_HASH, 0)

    async def append(self, draft: AuditEvent, expected_prev_hash: str) -> AuditEvent:
        with self._db.transaction() as tx:
            tail = read_tail(tx, draft.user_key)
            if tail[0] != expected_prev_hash:
                raise AuditConflict("audit chain moved")
            return append_sealed(tx, [draft], tail)[0]

    async def list_events(self, user_key: str) -> list[AuditEvent]:
        rows = self._db.query(
            "SELECT doc FROM audit_events WHERE user_key = ? ORDER BY seq", (user_key,)
        )
        return [codec.audit_from(loads(r[0])) for r in rows]
