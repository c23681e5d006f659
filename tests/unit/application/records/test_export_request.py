"""Export requests are checked before any work; an audit failure after storing is reported."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from structlog.testing import capture_logs

from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.errors import InvalidRequest, StorageUnavailable
from pyloto_corp.application.records.export_conversation import (
    ExportConversationUseCase,
    ExportRequest,
)
from pyloto_corp.application.records.subjects import Subject, resolve_user_key
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.infra.timezone import bundled_zone

PEPPER = b"pepper-for-tests-0123456789abcdef"
PHONE = "+5542999990001"
T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("subject", "field"),
    [(Subject(), "phone"), (Subject(PHONE, "a" * 43), "phone"), (Subject("4299"), "phone"),
     (Subject(user_key="a" * 42), "user_key"), (Subject(user_key="a/" * 22), "user_key")],
)  # fmt: skip
def test_subject_must_be_one_valid_phone_or_key(subject, field):
    """Exactly one of phone (E.164) and user_key (43 base64url characters)."""
    with pytest.raises(InvalidRequest) as caught:
        resolve_user_key(PEPPER, subject)
    assert caught.value.field == field


def test_phone_gives_the_same_key_as_the_webhook():
    """Separators are accepted; the key is the one the webhook stored the messages under."""
    assert resolve_user_key(PEPPER, Subject("+55 (42) 99999-0001")) == user_key_for_phone(
        PEPPER, PHONE
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"reason": ""}, "reason"), ({"reason": " \n "}, "reason"), ({"reason": "x" * 501}, "reason"),
     ({"actor": " "}, "actor"), ({"actor": "a" * 81}, "actor")],
)  # fmt: skip
def test_reason_and_actor_are_required(changes, field):
    """Every export says who asked and why (the audit trail needs both)."""
    values = {"subject": Subject(PHONE), "format": ExportFormat.TXT, "reason": "ok",
              "actor": "juridico"} | changes  # fmt: skip
    with pytest.raises(InvalidRequest) as caught:
        ExportRequest(**values)
    assert caught.value.field == field


class BrokenAudit:
    """The audit log of a store that goes down right after the file was written."""

    def __init__(self, inner) -> None:
        self.inner = inner

    async def tail(self, user_key):
        return await self.inner.tail(user_key)

    async def head(self, user_key):
        return await self.inner.head(user_key)

    async def append(self, draft, expected_prev_hash):
        raise StorageUnavailable("down")

    async def list_events(self, user_key):
        return await self.inner.list_events(user_key)


@pytest.mark.anyio
async def test_audit_failure_after_storing_is_logged_with_the_path(tmp_path):
    """The file stays (create-only); the missing event is an ERROR naming the path."""
    storage = build_sqlite_storage(tmp_path / "db.sqlite3")
    key = user_key_for_phone(PEPPER, PHONE)
    await storage.conversations.append_message(
        StoredMessage(key, "wamid.1", Direction.IN, "text", T0, T0, text="oi"))  # fmt: skip
    broken = dataclasses.replace(storage, audit=BrokenAudit(storage.audit))
    exporter = ExportConversationUseCase(
        broken, LocalFolderExportSink(tmp_path / "exports"), pepper=PEPPER, clock=lambda: T0,
        new_id=lambda: "x", zone=bundled_zone("America/Sao_Paulo"),
    )  # fmt: skip
    request = ExportRequest(Subject(PHONE), ExportFormat.TXT, "motivo", "juridico")
    with capture_logs() as logs, pytest.raises(StorageUnavailable):
        await exporter.execute(request)
    failed = [e for e in logs if e["event"] == "export.audit_failed"]
    assert failed and failed[0]["log_level"] == "error"
    assert (tmp_path / "exports" / failed[0]["path"].removeprefix("exports/")).exists()
    await storage.close()
