"""All Firestore stores over one AsyncClient (FIRESTORE_EMULATOR_HOST is honoured)."""

from __future__ import annotations

from datetime import timedelta

from google.cloud.firestore import AsyncClient

from pyloto_corp.adapters.storage.firestore.audit import FirestoreAuditLog
from pyloto_corp.adapters.storage.firestore.client import (
    DEFAULT_KEEP,
    DEFAULT_TIMEOUT_SECONDS,
    Paths,
    guard,
)
from pyloto_corp.adapters.storage.firestore.conversations import (
    FirestoreConversationStore,
    FirestoreLeadProfileStore,
)
from pyloto_corp.adapters.storage.firestore.handoffs import FirestoreHandoffStore
from pyloto_corp.adapters.storage.firestore.media_jobs import FirestoreMediaJobStore
from pyloto_corp.adapters.storage.firestore.outbox import FirestoreOutboxStore
from pyloto_corp.adapters.storage.firestore.sessions import FirestoreSessionStore
from pyloto_corp.adapters.storage.firestore.subjects import FirestoreSubjectDataStore
from pyloto_corp.adapters.storage.firestore.turns import FirestoreTurnStore
from pyloto_corp.application.storage import Storage

PING_TIMEOUT_SECONDS = 2.0


def build_firestore_storage(
    project_id: str, database: str = "(default)", timeout: float = DEFAULT_TIMEOUT_SECONDS,
    keep: timedelta = DEFAULT_KEEP,
) -> Storage:  # fmt: skip
    client = AsyncClient(project=project_id, database=database)
    paths = Paths(client, timeout=timeout, keep=keep)

    async def ping() -> None:
        async with guard():
            await (
                paths.client.collection("_health")
                .document("ping")
                .get(timeout=PING_TIMEOUT_SECONDS)
            )

    async def close() -> None:
        paths.client.close()

    return Storage(
        backend="firestore",
        conversations=FirestoreConversationStore(paths),
        sessions=FirestoreSessionStore(paths),
        leads=FirestoreLeadProfileStore(paths),
        outbox=FirestoreOutboxStore(paths),
        audit=FirestoreAuditLog(paths),
        turns=FirestoreTurnStore(paths),
        subjects=FirestoreSubjectDataStore(paths),
        media_jobs=FirestoreMediaJobStore(paths),
        handoffs=FirestoreHandoffStore(paths),
        ping=ping,
        close=close,
        operations=paths.meter.snapshot,
    )
