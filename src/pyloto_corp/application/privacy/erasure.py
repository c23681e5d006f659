"""The storage side of an LGPD erasure (a port every backend implements)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.privacy import ErasureCounts

# The DATA_ERASED draft for what was erased (the counts and the opt-out that survives).
DraftFor = Callable[[ErasureCounts, datetime | None], AuditEvent]


@dataclass(frozen=True, slots=True)
class Erasure:
    counts: ErasureCounts
    event: AuditEvent
    opted_out_at: datetime | None = None


class SubjectDataStore(Protocol):
    async def erase_subject(
        self, user_key: str, *, media: int, at: datetime, draft_for: DraftFor
    ) -> Erasure | None:
        """Delete the person's messages, sessions, replies (outbox) and lead profile.

        The conversation document keeps only the user_key, ``erased_at`` and, when the
        person's last conversation ended in an opt-out, ``opted_out_at``. The audit chain
        is kept and the DATA_ERASED draft (given the counts, ``media`` included) is
        appended after its tail. Nothing left to delete and ``media == 0``: returns None
        and writes nothing (a second erasure is a no-op).
        """
        ...
