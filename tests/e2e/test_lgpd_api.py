"""POST /v1/lgpd/access and /v1/lgpd/erasure through the real app (SQLite, local folders)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.domain.audit import verify_chain
from pyloto_corp.infra.logging import shared_processors
from tests.support.ops import OPS_KEY, PHONE, export, ops_settings, talk, user_key

ACCESS, ERASURE = "/v1/lgpd/access", "/v1/lgpd/erasure"
REASON = "Pedido do titular, protocolo 2026/0042"


@pytest.fixture
def settings(tmp_path):
    return ops_settings(tmp_path)


@pytest.fixture
def client(client_factory, settings):
    built = client_factory(settings)
    talk(built)
    return built


def photo(settings, name: str = "wamid.X.jpg") -> Path:
    folder = Path(settings.media_local_dir) / "media" / user_key(settings)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"\xff\xd8jpeg")
    return folder / name


async def _left(settings):
    storage = build_sqlite_storage(settings.sqlite_path)
    try:
        key = user_key(settings)
        return (await storage.conversations.list_messages(key),
                await storage.leads.get(key), await storage.audit.list_events(key))  # fmt: skip
    finally:
        await storage.close()


def test_access_is_an_export_with_the_persons_data(client, settings):
    """201; the phone is in the file, and the audit event says it was the person's own copy."""
    response = export(client, {"phone": PHONE, "reason": REASON, "format": "MD"}, path=ACCESS)
    assert response.status_code == 201, response.text
    answer = response.json()
    inner = answer["storage_path"].removeprefix("exports/")  # the local folder is exports/ itself
    data = (Path(settings.export_local_dir) / inner).read_text()
    assert PHONE in data and answer["format"] == "md"
    *_, events = asyncio.run(_left(settings))
    assert events[-1].action == "EXPORT_GENERATED" and events[-1].details["include_pii"] is True
    assert events[-1].details["purpose"] == "lgpd_access" and events[-1].reason == REASON


def test_erasure_deletes_everything_but_the_chain(client, settings):
    """200 with the counts; no message, profile or media left; the chain ends in DATA_ERASED."""
    kept = photo(settings)
    response = export(client, {"phone": PHONE, "reason": REASON}, path=ERASURE)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["erased"] is True and answer["user_key"] == user_key(settings)
    assert answer["counts"]["messages"] == 3 and answer["counts"]["media"] == 1
    assert answer["counts"]["lead_profiles"] == 1 and answer["counts"]["replies"] >= 3
    messages, lead, events = asyncio.run(_left(settings))
    assert messages == [] and lead is None and not kept.exists()
    assert verify_chain(events).valid and events[-1].action == "DATA_ERASED"
    assert answer["audit_event_id"] == events[-1].event_id
    assert answer["audit_tail_hash"] == events[-1].hash
    assert events[-1].correlation_id == response.headers["x-correlation-id"]
    again = export(client, {"user_key": user_key(settings), "reason": REASON}, path=ERASURE)
    assert again.status_code == 200 and again.json()["erased"] is False
    assert again.json()["audit_tail_hash"] == events[-1].hash


def test_the_export_after_an_erasure_has_no_conversation(client, settings):
    export(client, {"phone": PHONE, "reason": REASON}, path=ERASURE)
    assert export(client, {"phone": PHONE, "reason": REASON}, path=ACCESS).status_code == 404


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"phone": PHONE}, 422, "reason"),
        ({"phone": PHONE, "reason": "protocolo 2026-0042"}, 422, "reason"),  # a phone's shape
        ({"phone": PHONE, "reason": "pedido de ana@padaria.com.br"}, 422, "reason"),
        ({"phone": PHONE, "reason": "pedido\u2029do titular"}, 422, "reason"),
        ({"phone": PHONE, "reason": REASON, "include_pii": True}, 422, "include_pii"),
        ({"phone": PHONE, "reason": REASON, "format": "md"}, 422, "format"),
        ({"phone": PHONE, "user_key": "x" * 43, "reason": REASON}, 422, "phone"),
        ({"phone": "+5542999990999", "reason": REASON}, 404, None),
    ],
)
def test_erasure_refuses_what_it_cannot_do(client, settings, body, status, field):
    response = export(client, body, path=ERASURE)
    assert response.status_code == status, response.text
    if field:
        assert field in response.json()["error"]["fields"]
    messages, *_ = asyncio.run(_left(settings))
    assert len(messages) == 3


@pytest.mark.parametrize("path", [ACCESS, ERASURE])
def test_a_reason_with_personal_data_is_refused_on_both(client, path):
    response = export(client, {"phone": PHONE, "reason": f"titular {PHONE}"}, path=path)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and error["fields"] == ["reason"]
    assert "dados pessoais" in error["message"] and PHONE not in response.text


@pytest.mark.parametrize("path", [ACCESS, ERASURE])
def test_lgpd_requests_need_a_key(client, path):
    assert (
        export(client, {"phone": PHONE, "reason": REASON}, key=None, path=path).status_code == 401
    )
    wrong = export(client, {"phone": PHONE, "reason": REASON}, key=OPS_KEY[:-1] + "x", path=path)
    assert wrong.status_code == 401


@pytest.mark.pii_logs
def test_lgpd_requests_log_ids_only(client, settings):
    """Access and erasure logs name the user_key and the ops key, never the person's data."""
    with capture_logs(processors=shared_processors()) as entries:
        export(client, {"phone": PHONE, "reason": REASON}, path=ACCESS)
        export(client, {"phone": PHONE, "reason": REASON}, path=ERASURE)
    events = {e["event"] for e in entries}
    assert {"export.generated", "lgpd.erased"} <= events
    text = repr(entries)
    for secret in (PHONE, PHONE[1:], "99999-0001", "ana.souza@padaria.com.br", "Pão Quente"):
        assert secret not in text
