"""ConversationStore and LeadProfileStore on SQLite."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.domain.conversation import (
    ConversationHeader,
    Direction,
    StoredMessage,
    message_order,
)
from pyloto_corp.domain.records import LeadProfile

_HEADER = "SELECT doc FROM conversations WHERE user_key = ?"
_PUT_HEADER = "INSERT OR REPLACE INTO conversations (user_key, doc) VALUES (?, ?)"


def insert_message(tx: sqlite3.Connection, message: StoredMessage, tenant_id: str | None) -> bool:
    """Create the message once; False (nothing written) if stored.

    The header's clocks follow the person's messages: an outbound one leaves them alone.
    """
    inserted = tx.execute(
        "INSERT OR IGNORE INTO messages (user_key, provider_message_id, doc) VALUES (?, ?, ?)",
        (message.user_key, message.provider_message_id, dumps(codec.message_doc(message))),
    ).rowcount
    if not inserted or message.direction is Direction.OUT:
        return bool(inserted)
    row = tx.execute(_HEADER, (message.user_key,)).fetchone()
    header = codec.next_header(loads(row[0]) if row else None, message, tenant_id)
    tx.execute(_PUT_HEADER, (message.user_key, dumps(header)))
    return True


def merge_lead(tx: sqlite3.Connection, user_key: str, fields: dict[str, Any]) -> None:
    """Merge ``fields`` (with ``updated_at``) into the person's profile, creating it if needed."""
    row = tx.execute("SELECT doc FROM lead_profiles WHERE user_key = ?", (user_key,)).fetchone()
    doc = (loads(row[0]) if row else {"user_key": user_key}) | fields
    tx.execute(
        "INSERT OR REPLACE INTO lead_profiles (user_key, doc) VALUES (?, ?)",
        (user_key, dumps(doc)),
    )


class SqliteConversationStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def append_message(self, message: StoredMessage, tenant_id: str | None = None) -> bool:
        with self._db.transaction() as tx:
            return insert_message(tx, message, tenant_id)

    async def get_header(self, user_key: str) -> ConversationHeader | None:
        rows = self._db.query(_HEADER, (user_key,))
        return codec.header_from(loads(rows[0][0])) if rows else None

    async def list_messages(self, user_key: str) -> list[StoredMessage]:
        rows = self._db.query("SELECT doc FROM messages WHERE user_key = ?", (user_key,))
        return sorted((codec.message_from(loads(r[0])) for r in rows), key=message_order)

    async def close_window(self, user_key: str, at: datetime) -> None:
        """A send hit 131047: free-form replies wait until the person writes again."""
        with self._db.transaction() as tx:
            row = tx.execute(_HEADER, (user_key,)).fetchone()
            doc = loads(row[0]) if row else None
            if doc is not None and "created_at" in doc and not doc.get("window_closed_at"):
                tx.execute(_PUT_HEADER, (user_key, dumps(doc | {"window_closed_at": at})))


class SqliteLeadProfileStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def get(self, user_key: str) -> LeadProfile | None:
        rows = self._db.query("SELECT doc FROM lead_profiles WHERE user_key = ?", (user_key,))
        return codec.lead_from(loads(rows[0][0])) if rows else None

    async def put(self, profile: LeadProfile) -> None:
        with self._db.transaction() as tx:
            tx.execute(
                "INSERT OR REPLACE INTO lead_profiles (user_key, doc) VALUES (?, ?)",
                (profile.user_key, dumps(codec.lead_doc(profile))),
            )
