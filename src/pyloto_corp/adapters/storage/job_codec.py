"""Media jobs to plain documents and back (every backend)."""

from __future__ import annotations

from typing import Any

from pyloto_corp.adapters.storage.codec import as_utc
from pyloto_corp.application.media.media_jobs import JobStatus, MediaJob

_FIELDS = ("user_key", "provider_message_id", "media_id", "kind", "mime_type", "sha256",
           "attempts", "error")  # fmt: skip


def job_doc(job: MediaJob) -> dict[str, Any]:
    doc = {name: getattr(job, name) for name in _FIELDS}
    doc.update(status=job.status.value, created_at=job.created_at, due_at=job.due_at)
    return doc


def job_from(doc: dict[str, Any]) -> MediaJob:
    fields = {name: doc.get(name) for name in _FIELDS}
    fields["attempts"] = int(fields["attempts"] or 0)
    return MediaJob(status=JobStatus(doc["status"]), created_at=as_utc(doc["created_at"]),
                    due_at=as_utc(doc["due_at"]), **fields)  # type: ignore[arg-type]  # fmt: skip
