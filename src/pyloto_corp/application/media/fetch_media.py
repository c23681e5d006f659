"""FetchMedia: bring an inbound photo, audio or document into the media bucket.

The webhook only records a job (``accept``) and starts the download beside it, never
waiting for it; the retry loop (``run_due``) takes over whatever failed. A failed download
never blocks the conversation: the message is already stored and answered.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import structlog

from pyloto_corp.application.errors import MediaStoreUnavailable, StorageUnavailable
from pyloto_corp.application.media.media_jobs import (
    JobStatus,
    MediaGone,
    MediaJob,
    MediaJobStore,
    MediaSource,
    MediaSourceUnavailable,
)
from pyloto_corp.application.media.media_store import MediaStore, media_path
from pyloto_corp.domain.conversation import PayloadRef
from pyloto_corp.domain.media import MediaRefused, MediaRules, base_mime, same_digest
from pyloto_corp.domain.messages import InboundMessage

log = structlog.get_logger(__name__)

LEASE = timedelta(seconds=120)
MAX_ATTEMPTS = 8
_RETRIED = (MediaSourceUnavailable, MediaStoreUnavailable, StorageUnavailable)


def _ids(job: MediaJob) -> dict[str, str]:
    return {"user_key": job.user_key, "provider_message_id": job.provider_message_id}


class ChecksumMismatch(MediaSourceUnavailable):
    """The bytes do not match Meta's SHA-256: a broken download, tried again."""


class FetchMedia:
    def __init__(
        self, jobs: MediaJobStore, source: MediaSource, store: MediaStore, rules: MediaRules, *,
        clock: Callable[[], datetime], backoff: timedelta = timedelta(seconds=30),
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:  # fmt: skip
        self._jobs, self._source, self._store, self._rules = jobs, source, store, rules
        self._clock, self._backoff, self._max = clock, backoff, max_attempts
        self._running: set[asyncio.Task] = set()

    async def accept(self, message: InboundMessage, user_key: str) -> None:
        """Record the download (a storage failure propagates: Meta retries) and start it."""
        media, now = message.media, self._clock()
        if media is None:
            return
        job = MediaJob(user_key, message.provider_message_id, media.media_id,
                       message.kind.value, now, now, media.mime_type, media.sha256)  # fmt: skip
        if await self._jobs.enqueue(job):
            task = asyncio.create_task(self._quietly(job))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    async def run_due(self, limit: int = 50) -> int:
        """Try every due job once; returns how many were tried."""
        due = await self._jobs.list_due(self._clock(), limit)
        for job in due:
            await self._quietly(job)
        return len(due)

    async def _quietly(self, job: MediaJob) -> None:
        try:
            await self.run(job)
        except Exception as exc:  # noqa: BLE001 - the lease runs out and the loop retries
            log.warning("media.attempt_failed", error=type(exc).__name__, **_ids(job))

    async def run(self, job: MediaJob) -> JobStatus | None:
        now = self._clock()
        claimed = await self._jobs.claim(job, now, now + LEASE)
        if claimed is None:
            return None
        try:
            ref = await self._download(claimed)
        except MediaRefused as exc:
            return await self._end(claimed, JobStatus.REFUSED, exc.reason)
        except MediaGone:
            return await self._end(claimed, JobStatus.FAILED, "gone")
        except _RETRIED as exc:
            if claimed.attempts >= self._max:
                return await self._end(claimed, JobStatus.FAILED, type(exc).__name__)
            due = self._clock() + self._backoff * 2 ** (claimed.attempts - 1)
            await self._jobs.settle(replace(claimed, due_at=due, error=type(exc).__name__))
            log.info("media.retry_later", attempts=claimed.attempts, error=type(exc).__name__,
                     **_ids(claimed))  # fmt: skip
            return JobStatus.PENDING
        return await self._stored(claimed, ref)

    async def _download(self, job: MediaJob) -> PayloadRef:
        if job.mime_type:  # refuse a type we never keep before downloading it
            self._rules.extension(job.mime_type)
        fetched = await self._source.fetch(job.media_id, self._rules.limit(job.kind))
        mime = base_mime(fetched.mime_type or job.mime_type)
        extension = self._rules.extension(mime)
        self._rules.check_size(job.kind, len(fetched.data))
        digest = hashlib.sha256(fetched.data).hexdigest()
        if not (same_digest(job.sha256, digest) and same_digest(fetched.sha256, digest)):
            raise ChecksumMismatch("sha256")
        path = media_path(job.user_key, job.provider_message_id, extension)
        if not await self._store.save(path, fetched.data, content_type=mime, sha256=digest):
            raise MediaRefused("path_taken")
        return PayloadRef(path, mime, len(fetched.data), digest)

    async def _stored(self, job: MediaJob, ref: PayloadRef) -> JobStatus:
        done = replace(job, status=JobStatus.DONE, error=None)
        if not await self._jobs.settle(done, ref):  # erased while downloading: keep nothing
            await self._store.delete(ref.path)
            log.info("media.discarded_after_erasure", **_ids(job))
            return JobStatus.FAILED
        log.info("media.stored", mime_type=ref.mime_type, size=ref.size, **_ids(job))
        return JobStatus.DONE

    async def _end(self, job: MediaJob, status: JobStatus, reason: str) -> JobStatus:
        await self._jobs.settle(replace(job, status=status, error=reason))
        log.warning("media.not_stored", status=status.value, reason=reason, **_ids(job))
        return status

    async def aclose(self) -> None:
        for task in list(self._running):
            task.cancel()
        await asyncio.gather(*self._running, return_exceptions=True)
        await self._source.aclose()


async def retry_media_forever(fetch: FetchMedia, interval_seconds: float) -> None:
    """Runs until cancelled: every few seconds, try the downloads that are due again."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            tried = await fetch.run_due()
        except Exception as exc:  # noqa: BLE001 - the loop must survive a store outage
            log.warning("media.retry_pass_failed", error=type(exc).__name__)
            continue
        if tried:
            log.info("media.retry_pass", tried=tried)
