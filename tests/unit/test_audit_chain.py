"""The audit hash chain and its verifier (pure domain)."""

import hashlib
from dataclasses import replace

import pytest

from pyloto_corp.domain.audit import (
    BEYOND_HEAD,
    GENESIS_HASH,
    HEAD_MISMATCH,
    MISSING_AT_END,
    AuditEvent,
    AuditHead,
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


def head_of(events: list[AuditEvent]) -> AuditHead:
    return AuditHead(events[-1].hash, events[-1].seq, events[-1].event_id)


def test_a_chain_that_ends_at_its_stored_head_is_valid():
    """Same count and same last hash as the stored head; an empty chain has the empty head."""
    events = chain(3)
    verdict = verify_chain(events, head_of(events))
    assert (verdict.valid, verdict.count, verdict.tail_hash) == (True, 3, events[-1].hash)
    assert verdict.head == head_of(events) and verdict.reason is None
    assert verify_chain([], AuditHead()).valid


@pytest.mark.parametrize(
    ("kept", "where", "seq"), [(3, "e4", 4), (2, None, 3), (0, None, 1)]
)  # fmt: skip
def test_events_deleted_from_the_end_are_missing_at_the_head(kept, where, seq):
    """The walk stops short of the head: the first missing position is named."""
    events = chain(4)
    verdict = verify_chain(events[:kept], head_of(events))
    assert not verdict.valid and verdict.reason == MISSING_AT_END
    assert (verdict.broken_event_id, verdict.broken_seq, verdict.count) == (where, seq, kept)
    assert verdict.tail_hash == (events[kept - 1].hash if kept else GENESIS_HASH)


def test_an_event_beyond_the_head_is_named():
    """An event appended without moving the head (a write behind the service's back)."""
    events = chain(4)
    verdict = verify_chain(events, head_of(events[:2]))
    assert (verdict.valid, verdict.broken_event_id, verdict.broken_seq) == (False, "e3", 3)
    assert verdict.reason == BEYOND_HEAD and verdict.tail_hash == events[1].hash


def test_a_replaced_last_event_does_not_match_the_head():
    """The last event swapped for another one sealed in its place: same count, other hash."""
    events = chain(3)
    forged = seal(replace(events[-1], reason="forjado"), events[1].hash, 3)
    verdict = verify_chain([*events[:2], forged], head_of(events))
    assert (verdict.valid, verdict.broken_event_id, verdict.broken_seq) == (False, "e3", 3)
    assert verdict.reason == HEAD_MISMATCH and verdict.tail_hash == events[1].hash


def test_reordered_and_gapped_chains_name_the_first_position_with_the_head():
    """Two events swapping places, or one missing in the middle, break where they start."""
    events = chain(4)
    swapped = [events[0], replace(events[2], seq=2), replace(events[1], seq=3), events[3]]
    verdict = verify_chain(swapped, head_of(events))
    assert (verdict.valid, verdict.broken_event_id, verdict.broken_seq) == (False, "e3", 2)
    assert verdict.head == head_of(events)
    gap = verify_chain([events[0], events[2], events[3]], head_of(events))
    assert (gap.broken_event_id, gap.broken_seq) == ("e3", 3) and "seq 2" in gap.reason
    repeated = verify_chain([events[0], events[1], replace(events[2], seq=2)])
    assert repeated.reason == "sequência com repetição"
