"""EraseSubjectData: an LGPD erasure request (art. 18, VI), for ops holding a key.

The person's media goes first (a bucket cannot join a database transaction), then the
storage deletes messages, sessions, replies and the lead profile and appends DATA_ERASED
(actor, reason, counts) to the audit chain, which is kept: it holds no personal data and
must still verify afterwards. Nothing left to erase: a no-op, no event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog

from pyloto_corp.application.errors import ConversationNotFound
from pyloto_corp.application.media.media_store import MediaStore, media_folder
from pyloto_corp.application.privacy.erasure import Erasure
from pyloto_corp.application.records.export_conversation import check_reason_and_actor
from pyloto_corp.application.records.subjects import Subject, resolve_user_key
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import GENESIS_HASH, AuditAction, AuditEvent
from pyloto_corp.domain.privacy import ErasureCounts

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class ErasureRequest:
    subject: Subject
    reason: str = field(repr=False)
    actor: str
    correlation_id: str | None = None

    def __post_init__(self) -> None:
        check_reason_and_actor(self.reason, self.actor)


@dataclass(frozen=True, slots=True)
class ErasureResult:
    user_key: str
    erasure: Erasure | None
    tail_hash: str

    def to_dict(self) -> dict[str, Any]:
        erasure = self.erasure
        counts = erasure.counts if erasure else ErasureCounts()
        opted_out = erasure.opted_out_at if erasure else None
        return {
            "user_key": self.user_key,
            "erased": erasure is not None,
            "counts": counts.as_dict(),
            "opted_out_at": opted_out.isoformat() if opted_out else None,
            "audit_event_id": erasure.event.event_id if erasure else None,
            "audit_tail_hash": self.tail_hash,
        }


class EraseSubjectData:
    def __init__(
        self, storage: Storage, media: MediaStore, *, pepper: bytes,
        clock: Callable[[], datetime], new_id: Callable[[], str],
    ) -> None:  # fmt: skip
        self._storage, self._media, self._pepper = storage, media, pepper
        self._clock, self._new_id = clock, new_id

    async def execute(self, request: ErasureRequest) -> ErasureResult:
        user_key = resolve_user_key(self._pepper, request.subject)
        tail, _ = await self._storage.audit.tail(user_key)
        header = await self._storage.conversations.get_header(user_key)
        if header is None and tail == GENESIS_HASH:
            raise ConversationNotFound("nenhuma conversa registrada para esta pessoa")
        media = await self._media.delete_folder(media_folder(user_key))
        now = self._clock()

        def draft_for(counts: ErasureCounts, opted_out: datetime | None) -> AuditEvent:
            details: dict[str, Any] = {"counts": counts.as_dict()}
            if opted_out is not None:
                details["opted_out_at"] = opted_out.isoformat()
            return AuditEvent(
                event_id=f"erasure:{self._new_id()}", user_key=user_key,
                timestamp=now.isoformat(), actor=request.actor,
                action=AuditAction.DATA_ERASED.value, reason=request.reason,
                correlation_id=request.correlation_id, details=details,
            )  # fmt: skip

        erasure = await self._storage.subjects.erase_subject(
            user_key, media=media, at=now, draft_for=draft_for
        )
        if erasure is None:
            log.info("lgpd.erasure_noop", user_key=user_key, ops_key=request.actor)
            return ErasureResult(user_key, None, tail)
        log.info("lgpd.erased", user_key=user_key, ops_key=request.actor,
                 audit_event_id=erasure.event.event_id, **erasure.counts.as_dict())  # fmt: skip
        return ErasureResult(user_key, erasure, erasure.event.hash)
