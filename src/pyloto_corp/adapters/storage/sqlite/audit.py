"""AuditLog on SQLite: conditional append inside one IMMEDIATE transaction."""

from __future__ import annotations

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent, seal

_TAIL = "SELECT seq, doc FROM audit_events WHERE user_key = ? ORDER BY seq DESC LIMIT 1"


class SqliteAuditLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def tail(self, user_key: str) -> tuple[str, int]:
        rows = self._db.query(_TAIL, (user_key,))
        return (loads(rows[0][1])["hash"], rows[0][0]) if rows else (GENESIS_HASH, 0)

    async def append(self, draft: AuditEvent, expected_prev_hash: str) -> AuditEvent:
        with self._db.transaction() as tx:
            row = tx.execute(_TAIL, (draft.user_key,)).fetchone()
            tail_hash, tail_seq = (loads(row[1])["hash"], row[0]) if row else (GENESIS_HASH, 0)
            if tail_hash != expected_prev_hash:
                raise AuditConflict("audit chain moved")
            event = seal(draft, prev_hash=tail_hash, seq=tail_seq + 1)
            tx.execute(
                "INSERT INTO audit_events (user_key, seq, event_id, doc) VALUES (?,?,?,?)",
                (event.user_key, event.seq, event.event_id, dumps(codec.audit_doc(event))),
            )
        return event

    async def list_events(self, user_key: str) -> list[AuditEvent]:
        rows = self._db.query(
            "SELECT doc FROM audit_events WHERE user_key = ? ORDER BY seq", (user_key,)
        )
        return [codec.audit_from(loads(r[0])) for r in rows]
