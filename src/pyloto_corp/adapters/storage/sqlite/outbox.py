"""OutboxStore on SQLite: create-only enqueue, leased claims, monotonic delivery status."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage import outbox_rules as rules
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, iso, loads
from pyloto_corp.domain.records import OutboxItem

_GET = "SELECT doc FROM outbox WHERE user_key = ? AND item_id = ?"


class SqliteOutboxStore(rules.DeliveryRecorder):
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def enqueue(self, items: list[OutboxItem]) -> int:
        with self._db.transaction() as tx:
            return sum(
                tx.execute(
                    "INSERT OR IGNORE INTO outbox (user_key, item_id, provider_message_id, doc) "
                    "VALUES (?,?,?,?)",
                    (i.user_key, i.item_id, i.provider_message_id, dumps(codec.outbox_doc(i))),
                ).rowcount
                for i in items
            )

    async def get(self, user_key: str, item_id: str) -> OutboxItem | None:
        rows = self._db.query(_GET, (user_key, item_id))
        return codec.outbox_from(loads(rows[0][0])) if rows else None

    async def list_for_user(self, user_key: str) -> list[OutboxItem]:
        rows = self._db.query("SELECT doc FROM outbox WHERE user_key = ?", (user_key,))
        items = [codec.outbox_from(loads(r[0])) for r in rows]
        return sorted(items, key=codec.outbox_order)

    async def _update(self, user_key: str, item_id: str, change: rules.Change) -> OutboxItem | None:
        with self._db.transaction() as tx:
            row = tx.execute(_GET, (user_key, item_id)).fetchone()
            new = change(codec.outbox_from(loads(row[0]))) if row else None
            if new is not None:
                _write(tx, new)
        return new

    async def record_sent(
        self, sent: Sequence[tuple[OutboxItem, str]], token: str, now: datetime
    ) -> None:
        """The lease holder marks its items sent, in one transaction."""
        with self._db.transaction() as tx:
            for item, provider_message_id in sent:
                row = tx.execute(_GET, (item.user_key, item.item_id)).fetchone()
                current = codec.outbox_from(loads(row[0])) if row else None
                new = rules.sent(token, provider_message_id, now)(current) if current else None
                if new is not None:
                    _write(tx, new)

    async def list_due(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        rows = self._db.query(
            "SELECT doc FROM outbox WHERE json_extract(doc, '$.status') = 'pending' "
            "AND json_extract(doc, '$.due_at') <= ? "
            "ORDER BY json_extract(doc, '$.due_at') LIMIT ?",
            (iso(now), limit),
        )
        return [codec.outbox_from(loads(r[0])) for r in rows]

    async def find_by_provider_id(self, provider_message_id: str) -> OutboxItem | None:
        rows = self._db.query(
            "SELECT doc FROM outbox WHERE provider_message_id = ?", (provider_message_id,)
        )
        return codec.outbox_from(loads(rows[0][0])) if rows else None


def _write(tx: sqlite3.Connection, item: OutboxItem) -> None:
    tx.execute(
        "UPDATE outbox SET provider_message_id = ?, doc = ? WHERE user_key = ? AND item_id = ?",
        (item.provider_message_id, dumps(codec.outbox_doc(item)), item.user_key, item.item_id),
    )
