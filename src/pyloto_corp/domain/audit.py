"""Append-only audit trail: each event's hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64
_CONTENT_FIELDS = ("event_id", "user_key", "timestamp", "actor", "action", "reason", "seq",
                   "prev_hash", "tenant_id", "correlation_id", "details")  # fmt: skip


class AuditAction(StrEnum):
    USER_CONTACT = "USER_CONTACT"
    EXPORT_GENERATED = "EXPORT_GENERATED"
    PROFILE_UPDATED = "PROFILE_UPDATED"
    NOTE_ADDED = "NOTE_ADDED"
    DECISION_RECORDED = "DECISION_RECORDED"
    DATA_ERASED = "DATA_ERASED"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One link of the chain. ``timestamp`` is the exact ISO string that was hashed."""

    event_id: str
    user_key: str
    timestamp: str
    actor: str
    action: str
    reason: str
    seq: int = 0
    prev_hash: str = GENESIS_HASH
    hash: str = ""
    tenant_id: str | None = None
    correlation_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def content(self) -> dict[str, Any]:
        """The event without its hash; optional fields are omitted when empty."""
        data = {name: getattr(self, name) for name in _CONTENT_FIELDS}
        return {k: v for k, v in data.items() if v is not None and v != {}}


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compute_hash(event: AuditEvent) -> str:
    payload = canonical_json(event.content()) + event.prev_hash
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def seal(draft: AuditEvent, prev_hash: str, seq: int) -> AuditEvent:
    """The draft placed after ``prev_hash`` at position ``seq``, with its hash."""
    linked = replace(draft, prev_hash=prev_hash, seq=seq, hash="")
    return replace(linked, hash=compute_hash(linked))


@dataclass(frozen=True, slots=True)
class ChainVerification:
    valid: bool
    count: int
    tail_hash: str
    broken_event_id: str | None = None
    broken_seq: int | None = None
    reason: str | None = None


def verify_chain(events: list[AuditEvent]) -> ChainVerification:
    """Walk the chain in ``seq`` order; name the first event that breaks it."""
    prev = GENESIS_HASH
    ordered = sorted(events, key=lambda e: e.seq)
    for position, event in enumerate(ordered, start=1):
        problem = None
        if event.seq != position:
            problem = "sequência com lacuna ou repetição"
        elif event.prev_hash != prev:
            problem = "prev_hash não aponta para o evento anterior"
        elif compute_hash(event) != event.hash:
            problem = "hash não confere com o conteúdo (evento alterado)"
        if problem:
            return ChainVerification(False, len(ordered), prev, event.event_id, event.seq, problem)
        prev = event.hash
    return ChainVerification(True, len(ordered), prev)


def decisions_in(events: list[AuditEvent]) -> list[dict[str, Any]]:
    """Every DecisionEnvelope_v0 recorded in the trail (turn events carry theirs), in order."""
    ordered = sorted(events, key=lambda e: e.seq)
    return [envelope for e in ordered for envelope in e.details.get("decisions", ())]
