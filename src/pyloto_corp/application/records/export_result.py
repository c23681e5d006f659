"""What an export returns: where the file is, its hashes, and how the chain stood."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pyloto_corp.application.records.exports import StoredExport
from pyloto_corp.domain.audit import AuditEvent, ChainVerification
from pyloto_corp.domain.export.model import ExportFormat, RenderedExport


def chain_dict(chain: ChainVerification) -> dict[str, Any]:
    """The verification as JSON: ``problem`` says in Portuguese what broke (None if valid);
    ``head`` is the stored head the walk was checked against."""
    broken = None
    if not chain.valid:
        broken = {"event_id": chain.broken_event_id, "seq": chain.broken_seq,
                  "reason": chain.reason}  # fmt: skip
    head = chain.head
    return {"valid": chain.valid, "count": chain.count, "tail_hash": chain.tail_hash,
            "broken_at": broken, "problem": None if chain.valid else chain.reason,
            "head": {"seq": head.seq, "hash": head.hash} if head else None}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportResult:
    user_key: str
    format: ExportFormat
    generated_at: datetime
    stored: StoredExport
    rendered: RenderedExport
    message_count: int
    chain: ChainVerification
    audit_event: AuditEvent

    @property
    def data(self) -> bytes:
        return self.rendered.data

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer of the endpoint and of ``pyloto-corp export`` (the same shape).

        ``audit_tail_hash`` is the chain's new tail: the EXPORT_GENERATED event's hash,
        whose ``prev_hash`` is the tail shown inside the file (``chain.tail_hash``).
        """
        return {
            "user_key": self.user_key,
            "format": self.format.value,
            "generated_at": self.generated_at.isoformat(),
            "storage_path": self.stored.path,
            "storage_uri": self.stored.uri,
            "sha256": self.rendered.sha256,
            "content_sha256": self.rendered.content_sha256,
            "message_count": self.message_count,
            "audit_event_id": self.audit_event.event_id,
            "audit_tail_hash": self.audit_event.hash,
            "chain_valid": self.chain.valid,
            "chain": chain_dict(self.chain),
            "signed_url": self.stored.signed_url,
        }
