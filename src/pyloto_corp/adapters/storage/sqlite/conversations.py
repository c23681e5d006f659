"""ConversationStore, LeadProfileStore and DecisionLog on SQLite."""

from __future__ import annotations

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.domain.conversation import ConversationHeader, StoredMessage, message_order
from pyloto_corp.domain.records import DecisionRecord, LeadProfile


class SqliteConversationStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def append_message(self, message: StoredMessage, tenant_id: str | None = None) -> bool:
        with self._db.transaction() as tx:
            inserted = tx.execute(
                "INSERT OR IGNORE INTO messages (user_key, provider_message_id, doc) "
                "VALUES (?, ?, ?)",
                (message.user_key, message.provider_message_id, dumps(codec.message_doc(message))),
            ).rowcount
            if not inserted:
                return False
            row = tx.execute(
                "SELECT doc FROM conversations WHERE user_key = ?", (message.user_key,)
            ).fetchone()
            header = codec.next_header(loads(row[0]) if row else None, message, tenant_id)
            tx.execute(
                "INSERT OR REPLACE INTO conversations (user_key, doc) VALUES (?, ?)",
                (message.user_key, dumps(header)),
            )
        return True

    async def get_header(self, user_key: str) -> ConversationHeader | None:
        rows = self._db.query("SELECT doc FROM conversations WHERE user_key = ?", (user_key,))
        return codec.header_from(loads(rows[0][0])) if rows else None

    async def list_messages(self, user_key: str) -> list[StoredMessage]:
        rows = self._db.query("SELECT doc FROM messages WHERE user_key = ?", (user_key,))
        return sorted((codec.message_from(loads(r[0])) for r in rows), key=message_order)


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


class SqliteDecisionLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def record(self, decision: DecisionRecord) -> bool:
        with self._db.transaction() as tx:
            return bool(
                tx.execute(
                    "INSERT OR IGNORE INTO decisions (decision_id, user_key, doc) VALUES (?,?,?)",
                    (decision.decision_id, decision.user_key, dumps(codec.decision_doc(decision))),
                ).rowcount
            )

    async def list_for_user(self, user_key: str) -> list[DecisionRecord]:
        rows = self._db.query("SELECT doc FROM decisions WHERE user_key = ?", (user_key,))
        found = [codec.decision_from(loads(r[0])) for r in rows]
        return sorted(found, key=codec.decision_order)
