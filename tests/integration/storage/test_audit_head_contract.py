"""The audit chain's stored head, on every backend: moved in the same transaction as each
append (AuditLog, turn, erasure), and the verifier's proof that nothing was cut off the end.

Tampering is done behind the service's back, as someone with database access would: an
edited event, a deleted one in the middle or at the end, two events swapping places.
"""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.application.inbound.turns import TurnWrites
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.application.records.export_conversation import (
    ExportConversationUseCase,
    ExportRequest,
)
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.application.records.verify_audit import VerifyAuditChain
from pyloto_corp.domain.audit import (
    BEYOND_HEAD,
    MISSING_AT_END,
    AuditEvent,
    AuditHead,
    ChainVerification,
)
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.infra.timezone import bundled_zone
from tests.integration.storage.conftest import at
from tests.support.tamper import ChainTamper

pytestmark = pytest.mark.anyio
PEPPER = b"pepper-for-tests-0123456789abcdef"
USER = user_key_for_phone(PEPPER, "+5542999990077")


def draft(event_id: str, minute: float = 1) -> AuditEvent:
    return AuditEvent(event_id=event_id, user_key=USER, timestamp=at(minute).isoformat(),
                      actor="Otto", action="USER_CONTACT", reason="mensagem recebida")  # fmt: skip


@pytest.fixture
def tamper(storage, tmp_path) -> ChainTamper:
    return ChainTamper(storage.backend, tmp_path / "pyloto.sqlite3", USER)


async def four_events(storage) -> list[AuditEvent]:
    trail = AuditTrail(storage.audit)
    return [await trail.record(draft(f"e{n}", n)) for n in range(1, 5)]


def broken(verdict: ChainVerification) -> tuple:
    return verdict.valid, verdict.broken_event_id, verdict.broken_seq


async def test_every_append_path_moves_the_head_with_the_event(storage):
    """AuditLog.append, a turn with two drafts and an erasure: the head is the last event."""
    assert await storage.audit.head(USER) == AuditHead()
    first = await AuditTrail(storage.audit).record(draft("e1"))
    assert await storage.audit.head(USER) == AuditHead(first.hash, 1, "e1")
    writes = TurnWrites(message=StoredMessage(USER, "wamid.1", Direction.IN, "text", at(2),
                                              at(2), "oi"),
                        audit=(draft("t1", 2), draft("t2", 2)))  # fmt: skip
    await storage.turns.run_turn(USER, lambda state: writes)
    events = await storage.audit.list_events(USER)
    assert await storage.audit.head(USER) == AuditHead(events[-1].hash, 3, "t2")
    erasure = await storage.subjects.erase_subject(
        USER, media=0, at=at(3), draft_for=lambda counts, opted_out: draft("erased", 3)
    )
    assert erasure is not None and erasure.event.seq == 4
    assert await storage.audit.head(USER) == AuditHead(erasure.event.hash, 4, "erased")
    assert await storage.audit.tail(USER) == (erasure.event.hash, 4)
    assert (await AuditTrail(storage.audit).verify(USER)).valid


async def test_edited_event_is_named(storage, tamper):
    """A changed reason breaks the chain at that event; the head is still reported."""
    events = await four_events(storage)
    tamper.edit("e2", reason="motivo forjado")
    verdict = await AuditTrail(storage.audit).verify(USER)
    assert broken(verdict) == (False, "e2", 2) and "alterado" in verdict.reason
    assert verdict.head == AuditHead(events[-1].hash, 4, "e4")


async def test_deleted_middle_event_leaves_a_gap(storage, tamper):
    """The event after the hole is named, and the reason says which position is missing."""
    await four_events(storage)
    tamper.delete("e2")
    verdict = await AuditTrail(storage.audit).verify(USER)
    assert broken(verdict) == (False, "e3", 3) and "falta o evento seq 2" in verdict.reason


@pytest.mark.parametrize(("gone", "named"), [(("e4",), "e4"), (("e3", "e4"), None)])
async def test_deleted_tail_is_missing_at_the_end(storage, tamper, gone, named):
    """The walk is intact but stops before the stored head: the first missing seq is named."""
    events = await four_events(storage)
    tamper.delete(*gone)
    verdict = await AuditTrail(storage.audit).verify(USER)
    first_missing = 5 - len(gone)
    assert broken(verdict) == (False, named, first_missing)
    assert verdict.reason == MISSING_AT_END and verdict.count == 4 - len(gone)
    assert verdict.tail_hash == events[first_missing - 2].hash


async def test_an_append_after_a_deleted_tail_does_not_hide_it(storage, tamper):
    """The next event is sealed after the stored head, so the hole stays visible."""
    await four_events(storage)
    tamper.delete("e4")
    appended = await AuditTrail(storage.audit).record(draft("e5", 5))
    assert appended.seq == 5
    verdict = await AuditTrail(storage.audit).verify(USER)
    assert broken(verdict) == (False, "e5", 5) and "falta o evento seq 4" in verdict.reason


async def test_reordered_events_break_where_the_order_changes(storage, tamper):
    """e2 and e3 swap positions: position 2 now holds an event that does not link to e1."""
    await four_events(storage)
    tamper.swap_seq("e2", "e3", (2, 3))
    verdict = await AuditTrail(storage.audit).verify(USER)
    assert broken(verdict) == (False, "e3", 2) and "prev_hash" in verdict.reason


async def test_a_deleted_head_leaves_every_event_beyond_it(storage, tamper):
    """Without the stored head, the chain no longer proves where it ends: broken at seq 1."""
    await four_events(storage)
    tamper.drop_head()
    verdict = await AuditTrail(storage.audit).verify(USER)
    assert broken(verdict) == (False, "e1", 1) and verdict.reason == BEYOND_HEAD


async def test_verify_use_case_reports_the_cut_tail_in_portuguese(storage, tamper):
    """``audit verify``'s JSON: valid false, broken_at, the problem and the stored head."""
    events = await four_events(storage)
    tamper.delete("e4")
    report = await VerifyAuditChain(storage, pepper=PEPPER).execute(Subject(user_key=USER))
    assert report["valid"] is False and report["count"] == 3
    assert report["broken_at"] == {"event_id": "e4", "seq": 4, "reason": MISSING_AT_END}
    assert report["problem"] == MISSING_AT_END and report["tail_hash"] == events[2].hash
    assert report["head"] == {"seq": 4, "hash": events[-1].hash}


async def test_every_event_deleted_is_not_an_unknown_person(storage, tamper):
    """Only the head is left: the chain is broken at seq 1, not 'no conversation'."""
    await four_events(storage)
    tamper.delete("e1", "e2", "e3", "e4")
    report = await VerifyAuditChain(storage, pepper=PEPPER).execute(Subject(user_key=USER))
    assert report["valid"] is False and report["broken_at"]["seq"] == 1


async def test_verify_during_an_append_is_not_a_false_alarm(storage):
    """An append landing between reading the events and the head: read again, still valid."""
    trail = AuditTrail(storage.audit)
    await trail.record(draft("e1"))
    real = storage.audit.list_events
    reads = []

    async def append_meanwhile(user_key):
        events = await real(user_key)
        reads.append(len(events))
        if len(reads) == 1:
            await trail.record(draft("e2", 2))
        return events

    storage.audit.list_events = append_meanwhile
    try:
        verdict = await trail.verify(USER)
    finally:
        storage.audit.list_events = real
    assert verdict.valid and verdict.count == 2 and reads == [1, 2]


async def test_the_export_shows_the_cut_tail_and_the_head(storage, tamper, tmp_path):
    """The export's verification names the missing position and shows the stored head."""
    await storage.conversations.append_message(
        StoredMessage(USER, "wamid.1", Direction.IN, "text", at(0), at(0), "oi")
    )
    events = await four_events(storage)
    tamper.delete("e4")
    exporter = ExportConversationUseCase(
        storage, LocalFolderExportSink(tmp_path / "exports"), pepper=PEPPER,
        clock=lambda: at(10), new_id=lambda: "x", zone=bundled_zone("America/Sao_Paulo"),
    )  # fmt: skip
    result = await exporter.execute(
        ExportRequest(Subject(user_key=USER), ExportFormat.TXT, "pedido do jurídico", "juridico")
    )
    text = result.data.decode()
    assert not result.chain.valid and "QUEBRADA no evento seq 4 (e4)" in text
    assert MISSING_AT_END in text and f"Hash do topo registrado: {events[-1].hash}" in text
    assert result.to_dict()["chain"]["problem"] == MISSING_AT_END
    assert result.audit_event.details["chain_valid"] is False
