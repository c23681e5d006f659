"""ExportConversationUseCase and VerifyAuditChain on SQLite and on the Firestore emulator."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.application.errors import (
    ConversationNotFound,
    ExportAlreadyExists,
    ExportSinkUnavailable,
)
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.application.records.export_conversation import (
    ExportConversationUseCase,
    ExportRequest,
)
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.application.records.verify_audit import VerifyAuditChain
from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.domain.records import LeadProfile, SessionRecord
from pyloto_corp.infra.timezone import bundled_zone
from tests.integration.storage.conftest import at
from tests.support.tamper import tamper_firestore, tamper_sqlite

pytestmark = pytest.mark.anyio
PEPPER = b"pepper-for-tests-0123456789abcdef"
PHONE = "+5542999990001"
USER_KEY = user_key_for_phone(PEPPER, PHONE)


def request(**changes) -> ExportRequest:
    values = {
        "subject": Subject(phone=PHONE),
        "format": ExportFormat.TXT,
        "reason": "pedido do jurídico",
        "actor": "juridico",
        "correlation_id": "req-1",
    }
    return ExportRequest(**(values | changes))  # fmt: skip


class WatchingSink:
    """A real local sink that notes the audit tail at the moment the file is stored."""

    def __init__(self, inner, storage, fail: Exception | None = None) -> None:
        self.inner, self.storage, self.fail = inner, storage, fail
        self.tail_at_save: tuple[str, int] | None = None
        self.saved: dict[str, bytes] = {}

    async def save(self, path, data, *, content_type, sha256):
        self.tail_at_save = await self.storage.audit.tail(USER_KEY)
        if self.fail is not None:
            raise self.fail
        self.saved[path] = data
        return await self.inner.save(path, data, content_type=content_type, sha256=sha256)


async def seed(storage) -> list[AuditEvent]:
    for n, text in enumerate(["oi, quero um app", "pra minha padaria em Curitiba"]):
        await storage.conversations.append_message(StoredMessage(
            USER_KEY, f"wamid.{n}", Direction.IN, "text", at(n), at(n), text=text))  # fmt: skip
    await storage.sessions.save(SessionRecord("s-1", USER_KEY, at(0), at(1)))
    await storage.leads.put(LeadProfile(USER_KEY, at(1), phone=PHONE, name="Ana"))
    trail = AuditTrail(storage.audit)
    return [await trail.record(AuditEvent(f"wamid.{n}#contact", USER_KEY, at(n).isoformat(),
                                          "Otto", "USER_CONTACT", "mensagem recebida"))
            for n in range(3)]  # fmt: skip


def use_case(storage, sink) -> ExportConversationUseCase:
    ticks = itertools.count()
    return ExportConversationUseCase(
        storage, sink, pepper=PEPPER, clock=lambda: at(100 + next(ticks)),
        new_id=lambda: f"id{next(ticks)}", zone=bundled_zone("America/Sao_Paulo"),
    )  # fmt: skip


async def test_file_is_stored_before_its_audit_event(storage, tmp_path):
    """EXPORT_GENERATED follows the stored file: its prev_hash is the tail the file shows."""
    seeded = await seed(storage)
    sink = WatchingSink(LocalFolderExportSink(tmp_path / "exports"), storage)
    result = await use_case(storage, sink).execute(request())
    assert sink.tail_at_save == (seeded[-1].hash, 3)
    events = await storage.audit.list_events(USER_KEY)
    export_event = events[-1]
    assert [e.seq for e in events] == [1, 2, 3, 4] and export_event == result.audit_event
    assert export_event.action == "EXPORT_GENERATED" and export_event.prev_hash == seeded[-1].hash
    assert (export_event.actor, export_event.reason) == ("juridico", "pedido do jurídico")
    assert export_event.correlation_id == "req-1"
    stored = (tmp_path / "exports" / result.stored.path.removeprefix("exports/")).read_bytes()
    assert (
        export_event.details["sha256"]
        == hashlib.sha256(stored).hexdigest()
        == result.rendered.sha256
    )
    assert export_event.details["path"] == result.stored.path and result.message_count == 2
    assert (await VerifyAuditChain(storage, pepper=PEPPER).execute(Subject(PHONE)))["valid"]


@pytest.mark.parametrize("failure", [ExportSinkUnavailable("down"), ExportAlreadyExists("taken")])
async def test_a_file_not_stored_leaves_no_audit_event(storage, tmp_path, failure):
    """Sink down or path taken: the error surfaces and the chain does not move."""
    await seed(storage)
    sink = WatchingSink(LocalFolderExportSink(tmp_path), storage, fail=failure)
    with pytest.raises(type(failure)):
        await use_case(storage, sink).execute(request())
    assert len(await storage.audit.list_events(USER_KEY)) == 3


async def test_tampered_event_makes_the_export_report_the_chain_broken_there(storage, tmp_path):
    """An event edited in the database: the export and `audit verify` name that event."""
    seeded = await seed(storage)
    if storage.backend == "sqlite":
        tamper_sqlite(tmp_path / "pyloto.sqlite3", seeded[1].event_id, reason="apagado")
    else:
        tamper_firestore(USER_KEY, seeded[1].event_id, reason="apagado")
    sink = WatchingSink(LocalFolderExportSink(tmp_path / "exports"), storage)
    result = await use_case(storage, sink).execute(request(format=ExportFormat.MD))
    assert not result.chain.valid and result.chain.broken_event_id == seeded[1].event_id
    assert result.to_dict()["chain"]["broken_at"]["seq"] == 2
    assert "QUEBRADA no evento seq 2" in result.data.decode()
    report = await VerifyAuditChain(storage, pepper=PEPPER).execute(Subject(user_key=USER_KEY))
    assert not report["valid"] and report["broken_at"]["event_id"] == seeded[1].event_id


async def test_each_export_shows_the_earlier_exports(storage, tmp_path):
    """The second export lists the first one's EXPORT_GENERATED event; the chain stays valid."""
    await seed(storage)
    sink = WatchingSink(LocalFolderExportSink(tmp_path / "exports"), storage)
    exporter = use_case(storage, sink)
    first = await exporter.execute(request())
    second = await exporter.execute(request(include_pii=True))
    assert first.stored.path != second.stored.path
    assert first.audit_event.event_id in second.data.decode()
    assert PHONE in second.data.decode() and PHONE not in first.data.decode()
    assert second.chain.valid and second.chain.tail_hash == first.audit_event.hash


async def test_unknown_person_is_not_found(storage, tmp_path):
    """No conversation stored: ConversationNotFound from the export and the verifier."""
    sink = WatchingSink(LocalFolderExportSink(tmp_path), storage)
    with pytest.raises(ConversationNotFound):
        await use_case(storage, sink).execute(request())
    with pytest.raises(ConversationNotFound):
        await VerifyAuditChain(storage, pepper=PEPPER).execute(Subject(PHONE))
    assert sink.saved == {}
