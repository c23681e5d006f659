"""How long Pyloto keeps what it stores (LGPD art. 15 and 16: no longer than needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """Days to keep media, exports and conversation records (messages, sessions, replies,
    lead profiles), counted from when each was stored or last changed."""

    media_days: int = 90
    export_days: int = 180
    conversation_days: int = 365

    def __post_init__(self) -> None:
        if min(self.media_days, self.export_days, self.conversation_days) < 1:
            raise ValueError("retention must be at least one day")

    @property
    def conversations(self) -> timedelta:
        return timedelta(days=self.conversation_days)

    def cutoffs(self, now: datetime) -> dict[str, datetime]:
        """Whatever was stored before these instants is past its date."""
        return {
            "media": now - timedelta(days=self.media_days),
            "exports": now - timedelta(days=self.export_days),
            "conversations": now - self.conversations,
        }
