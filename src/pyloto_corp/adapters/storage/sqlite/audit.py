"""AuditLog on SQLite: conditional append inside one IMMEDIATE transaction.

The chain's head (``audit_heads``: seq, hash and event_id of the last event) is written in
the same transaction as every append, and appends seal after it, not after the last row:
events deleted from the end of the chain cannot be papered over by the next append.
"""

from __future__ import annotations

import sqlite3

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.domain.audit import AuditEvent, AuditHead, seal

_HEAD = "SELECT hash, seq, event_id FROM audit_heads WHERE user_key = ?"
_SET_HEAD = (
    "INSERT INTO audit_heads (user_key, seq, hash, event_id) VALUES (?,?,?,?) "
    "ON CONFLICT (user_key) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
    "event_id = excluded.event_id"
)


def _head_from(row: tuple | None) -> AuditHead:
    return AuditHead(row[0], row[1], row[2]) if row else AuditHead()


def read_tail(tx: sqlite3.Connection, user_key: str) -> tuple[str, int]:
    """(hash, seq) of the stored head: where the next event is sealed."""
    head = _head_from(tx.execute(_HEAD, (user_key,)).fetchone())
    return head.hash, head.seq


def append_sealed(
    tx: sqlite3.Connection, drafts: tuple[AuditEvent, ...] | list[AuditEvent], tail: tuple[str, int]
) -> list[AuditEvent]:
    """Seal each draft after the previous one, starting from ``tail``, insert them and move
    the stored head to the last one (all in the caller's transaction)."""
    sealed, (prev, seq) = [], tail
    for draft in drafts:
        event = seal(draft, prev_hash=prev, seq=seq + 1)
        tx.execute(
            "INSERT INTO audit_events (user_key, seq, event_id, doc) VALUES (?,?,?,?)",
            (event.user_key, event.seq, event.event_id, dumps(codec.audit_doc(event))),
        )
        sealed.append(event)
        prev, seq = event.hash, event.seq
    if sealed:
        last = sealed[-1]
        tx.execute(_SET_HEAD, (last.user_key, last.seq, last.hash, last.event_id))
    return sealed


class SqliteAuditLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def head(self, user_key: str) -> AuditHead:
        rows = self._db.query(_HEAD, (user_key,))
        return _head_from(rows[0] if rows else None)

    async def tail(self, user_key: str) -> tuple[str, int]:
        head = await self.head(user_key)
        return head.hash, head.seq

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
