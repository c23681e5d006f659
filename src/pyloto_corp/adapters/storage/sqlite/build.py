"""All SQLite stores over one database file."""

from __future__ import annotations

from pathlib import Path

from pyloto_corp.adapters.storage.sqlite.audit import SqliteAuditLog
from pyloto_corp.adapters.storage.sqlite.conversations import (
    SqliteConversationStore,
    SqliteLeadProfileStore,
)
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase
from pyloto_corp.adapters.storage.sqlite.handoffs import SqliteHandoffStore
from pyloto_corp.adapters.storage.sqlite.media_jobs import SqliteMediaJobStore
from pyloto_corp.adapters.storage.sqlite.outbox import SqliteOutboxStore
from pyloto_corp.adapters.storage.sqlite.retention import SqliteExpiredRecords
from pyloto_corp.adapters.storage.sqlite.sessions import SqliteSessionStore
from pyloto_corp.adapters.storage.sqlite.subjects import SqliteSubjectDataStore
from pyloto_corp.adapters.storage.sqlite.turns import SqliteTurnStore
from pyloto_corp.application.storage import Storage


def build_sqlite_storage(path: str | Path) -> Storage:
    db = SqliteDatabase(path)

    async def close() -> None:
        db.close()

    return Storage(
        backend="sqlite",
        conversations=SqliteConversationStore(db),
        sessions=SqliteSessionStore(db),
        leads=SqliteLeadProfileStore(db),
        outbox=SqliteOutboxStore(db),
        audit=SqliteAuditLog(db),
        turns=SqliteTurnStore(db),
        subjects=SqliteSubjectDataStore(db),
        media_jobs=SqliteMediaJobStore(db),
        handoffs=SqliteHandoffStore(db),
        ping=db.ping,
        close=close,
        expired=SqliteExpiredRecords(db),
    )
