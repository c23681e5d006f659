"""What a forensic export is made of, how it is rendered and where it is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

from pyloto_corp.domain.audit import AuditEvent, ChainVerification
from pyloto_corp.domain.conversation import ConversationHeader, StoredMessage
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.records import LeadProfile, SessionRecord

EXPORT_ZONE = "America/Sao_Paulo"
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,128}\Z")


class ExportFormat(StrEnum):
    TXT = "txt"
    MD = "md"

    @property
    def content_type(self) -> str:
        kind = "text/markdown" if self is ExportFormat.MD else "text/plain"
        return f"{kind}; charset=utf-8"


@dataclass(frozen=True, slots=True)
class ConversationSnapshot:
    """Everything stored about one person, read at one moment."""

    user_key: str
    header: ConversationHeader
    sessions: tuple[SessionRecord, ...]
    lead: LeadProfile | None
    messages: tuple[StoredMessage, ...]
    audit: tuple[AuditEvent, ...]
    verification: ChainVerification


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: ExportFormat
    include_pii: bool
    generated_at: datetime
    zone: tzinfo = field(repr=False)
    zone_name: str = EXPORT_ZONE

    def __post_init__(self) -> None:
        if self.generated_at.tzinfo is None:
            raise DomainError("generated_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class RenderedExport:
    """The file's bytes; ``content_sha256`` covers every line but the last (the footer)."""

    data: bytes = field(repr=False)
    sha256: str
    content_sha256: str


def export_path(user_key: str, generated_at: datetime, fmt: ExportFormat) -> str:
    """``exports/conversations/<user_key>/<UTC timestamp>_history.<ext>`` (no traversal)."""
    if not _SAFE_KEY.match(user_key):
        raise DomainError("user_key must be base64url")
    stamp = generated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"exports/conversations/{user_key}/{stamp}_history.{fmt.value}"
