"""The audit hash chain and its verifier (pure domain)."""

import hashlib
from dataclasses import replace

import pytest

from pyloto_corp.domain.audit import (
    GENESIS_HASH,
    AuditEvent,
    canonical_json,
    compute_hash,
    seal,
    verify_chain,
)


def chain(n: int) -> list[AuditEvent]:
    events, prev = [], GENESIS_HASH
    for i in range(1, n + 1):
        draft = AuditEvent(event_id=f"e{i}", user_key="uk", timestamp=f"2026-11-23T00:00:0{i}Z",
                           actor="otto", action="USER_CONTACT", reason="contato")  # fmt: skip
        event = seal(draft, prev, i)
        events.append(event)
        prev = event.hash
    return events


def test_hash_is_sha256_of_canonical_content_plus_prev_hash():
    """hash = SHA256(canonical_json(event_without_hash) + prev_hash)."""
    event = chain(1)[0]
    content = {k: v for k, v in event.content().items()}
    assert "hash" not in content
    expected = hashlib.sha256((canonical_json(content) + GENESIS_HASH).encode()).hexdigest()
    assert event.hash == expected == compute_hash(event)


def test_valid_chain_reports_count_and_tail():
    """An intact chain is valid; its tail is the last hash; an empty one is valid too."""
    events = chain(3)
    verdict = verify_chain(list(reversed(events)))
    assert (verdict.valid, verdict.count, verdict.tail_hash) == (True, 3, events[-1].hash)
    assert verify_chain([]).valid and verify_chain([]).tail_hash == GENESIS_HASH


@pytest.mark.parametrize(
    ("break_it", "where"),
    [
        (lambda ev: ev.__setitem__(1, replace(ev[1], reason="forjado")), "e2"),
        (lambda ev: ev.__setitem__(2, replace(ev[2], prev_hash="f" * 64)), "e3"),
        (lambda ev: ev.pop(1), "e3"),
        (lambda ev: ev.__setitem__(0, replace(ev[0], details={"x": 1})), "e1"),
    ],
)
def test_first_broken_link_is_named(break_it, where):
    """Edited content, a re-pointed link or a deleted event: the first bad event is named."""
    events = chain(4)
    break_it(events)
    verdict = verify_chain(events)
    assert not verdict.valid and verdict.broken_event_id == where and verdict.reason
