"""MediaJobStore on SQLite (table ``media_jobs``)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime

from pyloto_corp.adapters.storage.codec import payload_ref_doc
from pyloto_corp.adapters.storage.job_codec import job_doc, job_from
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, iso, loads
from pyloto_corp.application.media.media_jobs import JobStatus, MediaJob
from pyloto_corp.domain.conversation import PayloadRef

_GET = "SELECT doc FROM media_jobs WHERE user_key = ? AND provider_message_id = ?"
_PUT = ("INSERT OR REPLACE INTO media_jobs (user_key, provider_message_id, status, due_at, doc) "
        "VALUES (?, ?, ?, ?, ?)")  # fmt: skip


def _put(tx: sqlite3.Connection, job: MediaJob) -> None:
    tx.execute(_PUT, (job.user_key, job.provider_message_id, job.status.value, iso(job.due_at),
                      dumps(job_doc(job))))  # fmt: skip


class SqliteMediaJobStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def enqueue(self, job: MediaJob) -> bool:
        with self._db.transaction() as tx:
            if tx.execute(_GET, (job.user_key, job.provider_message_id)).fetchone():
                return False
            _put(tx, job)
            return True

    async def get(self, user_key: str, provider_message_id: str) -> MediaJob | None:
        rows = self._db.query(_GET, (user_key, provider_message_id))
        return job_from(loads(rows[0][0])) if rows else None

    async def claim(self, job: MediaJob, now: datetime, until: datetime) -> MediaJob | None:
        with self._db.transaction() as tx:
            row = tx.execute(_GET, (job.user_key, job.provider_message_id)).fetchone()
            current = job_from(loads(row[0])) if row else None
            if current is None or current.status is not JobStatus.PENDING or current.due_at > now:
                return None
            claimed = replace(current, due_at=until, attempts=current.attempts + 1)
            _put(tx, claimed)
            return claimed

    async def list_due(self, now: datetime, limit: int = 50) -> list[MediaJob]:
        rows = self._db.query(
            "SELECT doc FROM media_jobs WHERE status = 'pending' AND due_at <= ? "
            "ORDER BY due_at LIMIT ?",
            (iso(now), limit),
        )
        return [job_from(loads(r[0])) for r in rows]

    async def settle(self, job: MediaJob, payload_ref: PayloadRef | None = None) -> bool:
        key = (job.user_key, job.provider_message_id)
        with self._db.transaction() as tx:
            if tx.execute(_GET, key).fetchone() is None:
                return False  # erased meanwhile: nothing comes back
            if payload_ref is not None:
                row = tx.execute("SELECT doc FROM messages WHERE user_key = ? AND "
                                 "provider_message_id = ?", key).fetchone()  # fmt: skip
                if row is None:
                    return False
                doc = loads(row[0]) | {"payload_ref": payload_ref_doc(payload_ref)}
                tx.execute("UPDATE messages SET doc = ? WHERE user_key = ? AND "
                           "provider_message_id = ?", (dumps(doc), *key))  # fmt: skip
            _put(tx, job)
        return True
