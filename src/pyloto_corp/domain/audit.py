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
    HANDOFF_DELIVERED = "HANDOFF_DELIVERED"
    HUMAN_MESSAGE = "HUMAN_MESSAGE"
    HANDOFF_RELEASED = "HANDOFF_RELEASED"
    LEAD_DISCLOSED = "LEAD_DISCLOSED"  # a lead listed with its contact (include_pii)


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
class AuditHead:
    """What the store says the chain's last event is, written with every append.

    The walk alone cannot see events removed from the end; the head can: it is updated in
    the same transaction as each append and read back by the verifier. ``AuditHead()`` is
    the head of an empty chain.
    """

    hash: str = GENESIS_HASH
    seq: int = 0
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class ChainVerification:
    valid: bool
    count: int
    tail_hash: str
    broken_event_id: str | None = None
    broken_seq: int | None = None
    reason: str | None = None
    head: AuditHead | None = None  # the stored head the walk was checked against, if any


MISSING_AT_END = "eventos ausentes no fim da cadeia (o topo registrado está mais adiante)"
BEYOND_HEAD = "evento além do topo registrado da cadeia"
HEAD_MISMATCH = "último evento não confere com o topo registrado da cadeia"


def verify_chain(events: list[AuditEvent], head: AuditHead | None = None) -> ChainVerification:
    """Walk the chain in ``seq`` order; name the first event that breaks it.

    With the stored ``head``, the walk must also end exactly there: same count and same
    last hash. Without it (None), only the links are checked.
    """
    prev = GENESIS_HASH
    ordered = sorted(events, key=lambda e: e.seq)
    for position, event in enumerate(ordered, start=1):
        problem = None
        if event.seq > position:
            problem = f"sequência com lacuna: falta o evento seq {position} (evento removido)"
        elif event.seq < position:
            problem = "sequência com repetição"
        elif event.prev_hash != prev:
            problem = "prev_hash não aponta para o evento anterior"
        elif compute_hash(event) != event.hash:
            problem = "hash não confere com o conteúdo (evento alterado)"
        if problem:
            return ChainVerification(False, len(ordered), prev, event.event_id, event.seq,
                                     problem, head)  # fmt: skip
        prev = event.hash
    if head is not None:
        return _against_head(ordered, prev, head)
    return ChainVerification(True, len(ordered), prev)


def _against_head(ordered: list[AuditEvent], tail: str, head: AuditHead) -> ChainVerification:
    """An intact walk (ending at ``tail``) checked against the stored head: it must end there.

    As for a broken link, ``tail_hash`` is the hash of the last event before the break.
    """
    count = len(ordered)
    if count < head.seq:  # position count + 1 is gone; its id is known if it was the head
        gone = head.event_id if count + 1 == head.seq else None
        return ChainVerification(False, count, tail, gone, count + 1, MISSING_AT_END, head)
    if count > head.seq:
        extra = ordered[head.seq]
        return ChainVerification(False, count, extra.prev_hash, extra.event_id, extra.seq,
                                 BEYOND_HEAD, head)  # fmt: skip
    if count and tail != head.hash:
        last = ordered[-1]
        return ChainVerification(False, count, last.prev_hash, last.event_id, last.seq,
                                 HEAD_MISMATCH, head)  # fmt: skip
    return ChainVerification(True, count, tail, head=head)


def decisions_in(events: list[AuditEvent]) -> list[dict[str, Any]]:
    """Every DecisionEnvelope_v0 recorded in the trail (turn events carry theirs), in order."""
    ordered = sorted(events, key=lambda e: e.seq)
    return [envelope for e in ordered for envelope in e.details.get("decisions", ())]
