"""MediaJobStore on Firestore: ``conversations/{user_key}/media_jobs/{provider_message_id}``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from google.api_core import exceptions as gexc
from google.cloud.firestore import AsyncDocumentReference
from google.cloud.firestore_v1.base_query import FieldFilter

from pyloto_corp.adapters.storage.codec import payload_ref_doc
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.adapters.storage.job_codec import job_doc, job_from
from pyloto_corp.application.media.media_jobs import JobStatus, MediaJob
from pyloto_corp.domain.conversation import PayloadRef

COLLECTION = "media_jobs"


class FirestoreMediaJobStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    def _doc(self, job: MediaJob) -> dict:
        return self._paths.expiring(job_doc(job), job.created_at)

    def _ref(self, user_key: str, provider_message_id: str) -> AsyncDocumentReference:
        return self._paths.child(user_key, COLLECTION, provider_message_id)

    async def enqueue(self, job: MediaJob) -> bool:
        async def body(tx: Tx) -> bool:
            tx.create(self._ref(job.user_key, job.provider_message_id), self._doc(job))
            return True

        try:
            return await run_transaction(self._paths, body)
        except gexc.AlreadyExists:
            return False

    async def get(self, user_key: str, provider_message_id: str) -> MediaJob | None:
        snap = await self._paths.get(self._ref(user_key, provider_message_id))
        return job_from(snap.to_dict()) if snap.exists else None

    async def claim(self, job: MediaJob, now: datetime, until: datetime) -> MediaJob | None:
        ref = self._ref(job.user_key, job.provider_message_id)

        async def body(tx: Tx) -> MediaJob | None:
            snap = await tx.get(ref)
            current = job_from(snap.to_dict()) if snap.exists else None
            if current is None or current.status is not JobStatus.PENDING or current.due_at > now:
                return None
            claimed = replace(current, due_at=until, attempts=current.attempts + 1)
            tx.set(ref, self._doc(claimed))
            return claimed

        return await run_transaction(self._paths, body)

    async def list_due(self, now: datetime, limit: int = 50) -> list[MediaJob]:
        query = (
            self._paths.client.collection_group(COLLECTION)
            .where(filter=FieldFilter("status", "==", JobStatus.PENDING.value))
            .where(filter=FieldFilter("due_at", "<=", now))
            .order_by("due_at")
            .limit(limit)
        )
        return [job_from(d) for d in await self._paths.stream(query)]

    async def settle(self, job: MediaJob, payload_ref: PayloadRef | None = None) -> bool:
        ref = self._ref(job.user_key, job.provider_message_id)
        message = self._paths.child(job.user_key, "messages", job.provider_message_id)

        async def body(tx: Tx) -> bool:
            found = await tx.get(ref)
            stored = await tx.get(message) if payload_ref is not None else None
            if not found.exists or (stored is not None and not stored.exists):
                return False  # erased meanwhile: nothing comes back
            if payload_ref is not None:
                tx.set(message, {"payload_ref": payload_ref_doc(payload_ref)},
                       merge=["payload_ref"])  # fmt: skip
            tx.set(ref, self._doc(job))
            return True

        return await run_transaction(self._paths, body)
