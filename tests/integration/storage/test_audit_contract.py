"""AuditLog contract: conditional append, concurrent writers, re-hashable stored events."""

import asyncio
import json
import sqlite3

import pytest
from google.cloud.firestore import AsyncClient

from pyloto_corp.adapters.storage.firestore.client import Paths
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent, compute_hash

pytestmark = pytest.mark.anyio
USER = "uk_audit"


def draft(event_id: str, action: str = "USER_CONTACT", **extra) -> AuditEvent:
    return AuditEvent(event_id=event_id, user_key=USER, actor="otto", action=action,
                      reason="mensagem recebida", timestamp=f"2026-11-23T12:00:0{event_id[-1]}Z",
                      **extra)  # fmt: skip


async def test_chain_links_each_event_to_the_previous(storage):
    """Events get seq 1..n, prev_hash links, and each stored event re-hashes to its hash."""
    trail = AuditTrail(storage.audit)
    first = await trail.record(draft("e1", correlation_id="c-1", tenant_id="pyloto"))
    second = await trail.record(draft("e2", "EXPORT_GENERATED", details={"sha256": "ab"}))
    assert (first.seq, first.prev_hash, second.prev_hash) == (1, GENESIS_HASH, first.hash)
    stored = await storage.audit.list_events(USER)
    assert stored == [first, second]
    assert all(compute_hash(event) == event.hash for event in stored)
    assert await storage.audit.tail(USER) == (second.hash, 2)
    assert (await trail.verify(USER)).valid


async def test_append_on_a_stale_tail_is_refused(storage):
    """expected_prev_hash must be the current tail, else AuditConflict and nothing written."""
    await storage.audit.append(draft("e1"), expected_prev_hash=GENESIS_HASH)
    with pytest.raises(AuditConflict):
        await storage.audit.append(draft("e2"), expected_prev_hash=GENESIS_HASH)
    assert len(await storage.audit.list_events(USER)) == 1


async def test_concurrent_writers_leave_one_valid_chain(storage):
    """Two writers racing on the same chain: both events land, the chain stays valid."""
    trail = AuditTrail(storage.audit)
    both_read = asyncio.Barrier(2)
    real_tail = storage.audit.tail
    first_reads = [0]

    async def tail_then_wait(user_key):
        """The first two tail reads meet, so both writers seal on the same tail."""
        result = await real_tail(user_key)
        first_reads[0] += 1
        if first_reads[0] <= 2:
            await asyncio.wait_for(both_read.wait(), 5)
        return result

    storage.audit.tail = tail_then_wait
    try:
        await asyncio.gather(trail.record(draft("e1")), trail.record(draft("e2")))
    finally:
        storage.audit.tail = real_tail
    events = await storage.audit.list_events(USER)
    assert sorted(e.event_id for e in events) == ["e1", "e2"]
    assert (await trail.verify(USER)).valid


async def test_tampered_event_is_named_by_the_verifier(storage, request):
    """Changing a stored event's reason breaks the chain exactly at that event."""
    trail = AuditTrail(storage.audit)
    for event_id in ("e1", "e2", "e3"):
        await trail.record(draft(event_id))
    await _tamper(storage, request, "e2", {"reason": "motivo forjado"})
    verdict = await trail.verify(USER)
    assert (verdict.valid, verdict.broken_event_id, verdict.broken_seq) == (False, "e2", 2)


async def _tamper(storage, request, event_id: str, change: dict) -> None:
    if storage.backend == "sqlite":
        path = request.getfixturevalue("tmp_path") / "pyloto.sqlite3"
        with sqlite3.connect(path) as conn:
            (doc,) = conn.execute(
                "SELECT doc FROM audit_events WHERE event_id=?", (event_id,)
            ).fetchone()
            conn.execute("UPDATE audit_events SET doc=? WHERE event_id=?",
                         (json.dumps(json.loads(doc) | change), event_id))  # fmt: skip
        return
    paths = Paths(AsyncClient(project="demo-test"))
    await paths.child(USER, "audit", event_id).update(change)
