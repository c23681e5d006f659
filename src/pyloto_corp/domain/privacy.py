"""LGPD data-subject rights: what an erasure removed, and what survives it.

An erasure deletes the person's messages, sessions, replies, lead profile and media. The
audit chain stays (it holds no personal data) and gains a DATA_ERASED event. The only
state that survives is an opt-out, kept under the user_key hash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pyloto_corp.domain.records import SessionRecord

OPT_OUT_REASON = "opt_out"


@dataclass(frozen=True, slots=True)
class ErasureCounts:
    """How many records of each kind an erasure deleted."""

    messages: int = 0
    sessions: int = 0
    replies: int = 0
    lead_profiles: int = 0
    media: int = 0

    @property
    def total(self) -> int:
        return self.messages + self.sessions + self.replies + self.lead_profiles + self.media

    def as_dict(self) -> dict[str, int]:
        return {
            "messages": self.messages,
            "sessions": self.sessions,
            "replies": self.replies,
            "lead_profiles": self.lead_profiles,
            "media": self.media,
        }


def opted_out_at(sessions: Iterable[SessionRecord], known: datetime | None) -> datetime | None:
    """When the person opted out, if their latest closed session ended that way.

    ``known`` is an opt-out kept from an earlier erasure: a later conversation that ended
    otherwise replaces it (the person came back and talked), none keeps it.
    """
    closed = [s for s in sessions if not s.is_open and s.closed_at is not None]
    if not closed:
        return known
    latest = max(closed, key=lambda s: (s.closed_at, s.session_id))
    if latest.context.get("close_reason") == OPT_OUT_REASON:
        return latest.closed_at
    if known is not None and latest.closed_at is not None and latest.closed_at < known:
        return known
    return None
