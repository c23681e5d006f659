"""SubjectDataStore on Firestore: the DATA_ERASED event first, then the deletions.

The conversation document is stripped and the event appended in one transaction; the
person's documents are then deleted in batches. If that is cut short, a retried erasure
finds what is left, deletes it and records a second event with those counts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from google.cloud import firestore

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.adapters.storage.firestore.conversations import HEADER_FIELDS
from pyloto_corp.adapters.storage.firestore.handoffs import subject_refs
from pyloto_corp.adapters.storage.firestore.state import (
    IDLE_SINCE,
    LAST_CLOSED,
    OPEN,
    seal_after,
)
from pyloto_corp.application.privacy.erasure import DraftFor, Erasure
from pyloto_corp.domain.privacy import ErasureCounts, opted_out_at

BATCH_SIZE = 400  # Firestore takes at most 500 writes per batch
_STRIPPED = (*(f for f in HEADER_FIELDS if f != "user_key"), OPEN, LAST_CLOSED, IDLE_SINCE)


class FirestoreSubjectDataStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def _refs(self, user_key: str, collection: str, key: str) -> list[Any]:
        docs = await self._paths.stream(self._paths.conversation(user_key).collection(collection))
        return [self._paths.child(user_key, collection, d[key]) for d in docs]

    async def erase_subject(
        self, user_key: str, *, media: int, at: datetime, draft_for: DraftFor
    ) -> Erasure | None:
        paths = self._paths
        stored = await paths.stream(paths.conversation(user_key).collection("sessions"))
        sessions = [codec.session_from(d) for d in stored]
        messages = await self._refs(user_key, "messages", "provider_message_id")
        replies = await self._refs(user_key, "outbox", "item_id")
        jobs = await self._refs(user_key, "media_jobs", "provider_message_id")
        lead = (await paths.get(paths.lead(user_key))).exists
        doomed = [*messages, *replies, *(paths.child(user_key, "sessions", s.session_id)
                                         for s in sessions)]  # fmt: skip
        if lead:
            doomed.append(paths.lead(user_key))

        async def body(tx: Tx) -> Erasure | None:
            snap = await tx.get(paths.conversation(user_key))
            doc = snap.to_dict() if snap.exists else {}
            open_session = [codec.session_from(doc[OPEN])] if doc.get(OPEN) else []
            counts = ErasureCounts(len(messages), len(sessions) + len(open_session),
                                   len(replies), int(lead), media)  # fmt: skip
            if counts.total == 0:
                return None
            known = codec.as_utc(doc.get("opted_out_at"))
            opted_out = opted_out_at([*sessions, *open_session], known)
            [event], head = seal_after(paths, tx, (draft_for(counts, opted_out),), doc)
            fields = {name: firestore.DELETE_FIELD for name in _STRIPPED}
            fields |= {"user_key": user_key, "erased_at": at, "opted_out_at": opted_out, **head}
            tx.set(paths.conversation(user_key), fields, merge=list(fields))
            return Erasure(counts, event, opted_out)

        erasure = await run_transaction(paths, body)
        if erasure is not None:  # pending downloads go too: they must not bring media back
            await self._delete([*doomed, *jobs, *await subject_refs(paths, user_key)])
        return erasure

    async def _delete(self, refs: list[Any]) -> None:
        for start in range(0, len(refs), BATCH_SIZE):
            batch = self._paths.client.batch()
            chunk = refs[start : start + BATCH_SIZE]
            for ref in chunk:
                batch.delete(ref)
            await self._paths.write(batch.commit(), count=len(chunk))
