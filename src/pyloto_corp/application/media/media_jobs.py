"""Media downloads waiting to happen: one job per inbound media message (no personal data).

A job holds Meta's media id, the declared type and checksum, and when to try next. The
webhook creates it (create-only, so a redelivery is harmless); a download moves it to
``done`` (the message gains its ``payload_ref`` in the same write), ``refused``,
``failed`` or back to ``pending`` with a later ``due_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pyloto_corp.domain.conversation import PayloadRef


class JobStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class MediaJob:
    user_key: str
    provider_message_id: str
    media_id: str
    kind: str
    created_at: datetime
    due_at: datetime
    mime_type: str | None = None
    sha256: str | None = None
    attempts: int = 0
    status: JobStatus = JobStatus.PENDING
    error: str | None = None


class MediaJobStore(Protocol):
    async def enqueue(self, job: MediaJob) -> bool:
        """Create the job unless one exists for that message; True if created."""
        ...

    async def claim(self, job: MediaJob, now: datetime, until: datetime) -> MediaJob | None:
        """Take a pending, due job until ``until`` (attempts + 1); None if not there for us."""
        ...

    async def list_due(self, now: datetime, limit: int = 50) -> list[MediaJob]: ...

    async def settle(self, job: MediaJob, payload_ref: PayloadRef | None = None) -> bool:
        """Store the job as given; with ``payload_ref``, set it on the message in the same
        commit. False (nothing written) when the message is gone (erased meanwhile)."""
        ...

    async def get(self, user_key: str, provider_message_id: str) -> MediaJob | None: ...


@dataclass(frozen=True, slots=True)
class FetchedMedia:
    data: bytes
    mime_type: str | None
    sha256: str | None = None


class MediaGone(Exception):
    """Meta no longer has this media (or never had it): retrying cannot help."""


class MediaSourceUnavailable(Exception):
    """The Graph API did not answer well enough now: retry later."""


class MediaSource(Protocol):
    async def fetch(self, media_id: str, max_bytes: int) -> FetchedMedia:
        """Download the media (Graph: its short-lived URL, then the bytes, with the token).

        Raises MediaRefused (larger than ``max_bytes``), MediaGone or MediaSourceUnavailable.
        """
        ...

    async def aclose(self) -> None: ...
