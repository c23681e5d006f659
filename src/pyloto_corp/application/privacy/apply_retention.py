"""ApplyRetention: list, and unless it is a dry run delete, what is past its date.

Records (messages, closed sessions, sent or failed replies, lead profiles, media jobs) go by
the conversation retention; media files and export files by their own. The audit chain is
never deleted (it holds no personal data and proves what happened). In production the same
dates are enforced by Firestore TTL on ``expires_at`` and by the buckets' lifecycle rules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

import structlog

from pyloto_corp.application.media.media_store import MEDIA_PREFIX, MediaStore
from pyloto_corp.domain.retention import RetentionPolicy

log = structlog.get_logger(__name__)
EXPORT_PREFIX = "exports"


class ExpiredRecords(Protocol):
    async def expired(self, before: datetime) -> dict[str, int]:
        """How many records of each kind were stored or last changed before ``before``."""
        ...

    async def delete_expired(self, before: datetime) -> dict[str, int]:
        """Delete them (in one transaction); returns how many of each kind."""
        ...


class ApplyRetention:
    def __init__(
        self, records: ExpiredRecords, media: MediaStore, exports: MediaStore | None,
        policy: RetentionPolicy, clock: Callable[[], datetime],
    ) -> None:  # fmt: skip
        self._records, self._media, self._exports = records, media, exports
        self._policy, self._clock = policy, clock

    async def execute(self, *, dry_run: bool) -> dict[str, Any]:
        cutoffs = self._policy.cutoffs(self._clock())
        shelves = [("media", self._media, MEDIA_PREFIX, cutoffs["media"])]
        if self._exports is not None:
            shelves.append(("exports", self._exports, EXPORT_PREFIX, cutoffs["exports"]))
        files: dict[str, list[str]] = {}
        for name, shelf, prefix, cutoff in shelves:
            found = await shelf.list_objects(prefix + "/")
            files[name] = sorted(o.path for o in found if o.created_at < cutoff)
        before = cutoffs["conversations"]
        if dry_run:
            records = await self._records.expired(before)
        else:
            records = await self._records.delete_expired(before)
            for name, shelf, *_ in shelves:
                for path in files[name]:
                    await shelf.delete(path)
        log.info("retention.applied", dry_run=dry_run, **records,
                 **{name: len(paths) for name, paths in files.items()})  # fmt: skip
        return {
            "dry_run": dry_run,
            "cutoffs": {k: v.isoformat() for k, v in cutoffs.items()},
            "records": records,
            "files": files,
        }
