"""POST /v1/exports/conversations through the real app: auth, bad input, limits, the file."""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.replies.delivery_rules import history
from pyloto_corp.domain.export.render import footer_matches
from tests.support.ops import OPS_KEY, OTHER_KEY, PHONE, export, ops_settings, talk, user_key

REASON = "Pedido do jurídico, processo 123"
FROZEN = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path):
    return ops_settings(tmp_path)


@pytest.fixture
def client(client_factory, settings):
    built = client_factory(settings)
    talk(built)
    return built


def stored_file(settings, answer: dict) -> bytes:
    # EXPORT_LOCAL_DIR is the exports folder: the path's "exports/" is not repeated on disk
    inner = answer["storage_path"].removeprefix("exports/")
    return (Path(settings.export_local_dir) / inner).read_bytes()


async def _audit(settings):
    storage = build_sqlite_storage(settings.sqlite_path)
    try:
        key = user_key(settings)
        stored = await storage.conversations.list_messages(key)
        both_ways = history(stored, await storage.outbox.list_for_user(key))
        return await storage.audit.list_events(key), both_ways
    finally:
        await storage.close()


def test_export_answers_where_and_what_was_stored(client, settings):
    """201 with path, hashes, counts and the chain; the file on disk is exactly that."""
    response = export(client, {"phone": PHONE, "reason": REASON})
    assert response.status_code == 201, response.text
    answer = response.json()
    data = stored_file(settings, answer)
    events, messages = asyncio.run(_audit(settings))
    assert answer["user_key"] == user_key(settings) and answer["format"] == "txt"
    assert answer["storage_path"].startswith(f"exports/conversations/{answer['user_key']}/")
    assert answer["storage_path"].endswith("_history.txt") and answer["signed_url"] is None
    assert answer["sha256"] == hashlib.sha256(data).hexdigest()
    assert footer_matches(data) and answer["message_count"] == len(messages) >= 3
    assert answer["chain_valid"] is True and answer["chain"]["broken_at"] is None
    assert events[-1].action == "EXPORT_GENERATED" and events[-1].actor == "juridico"
    assert answer["audit_tail_hash"] == events[-1].hash
    assert answer["audit_event_id"] == events[-1].event_id
    assert events[-1].correlation_id == response.headers["x-correlation-id"]


@pytest.mark.parametrize(("pii", "fmt"), [(False, "txt"), (True, "MD")])
def test_phone_only_with_include_pii(client, settings, pii, fmt):
    """Masked by default; the raw phone (lead and texts) only with include_pii=true."""
    body = {"phone": PHONE, "reason": REASON, "format": fmt, "include_pii": pii}
    answer = export(client, body).json()
    text = stored_file(settings, answer).decode()
    assert answer["storage_path"].endswith(f"_history.{fmt.lower()}")
    assert ("99999-0001" in text) is pii and ("5542999990001" in text) is pii
    assert ("ana.souza@padaria.com.br" in text) is pii
    assert "Pão Quente" in text


@pytest.mark.parametrize(
    ("headers", "key"),
    [({}, None), ({}, "pyl_ops_wrong"), ({"Authorization": "Basic anVyaWRpY28="}, None),
     ({"Authorization": "Bearer "}, None), ({"Authorization": OPS_KEY}, None)],
)  # fmt: skip
def test_without_a_valid_key_401_before_reading_the_body(client, headers, key):
    """Missing, unknown, wrong scheme or empty: 401 with a Bearer challenge, body unread."""
    response = export(client, b"{not json", key=key, **headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "unauthorized"


BAD_INPUT = [
    ({"phone": "42 99999", "reason": REASON}, ["phone"]),
    ({"phone": "+55 42 99999-0001x", "reason": REASON}, ["phone"]),
    ({"phone": PHONE, "reason": REASON, "format": "pdf"}, ["format"]),
    ({"phone": PHONE}, ["reason"]),
    ({"phone": PHONE, "reason": "   "}, ["reason"]),
    ({"phone": PHONE, "reason": "x" * 501}, ["reason"]),
    ({"phone": PHONE, "reason": "ligar para (42) 99999-0001"}, ["reason"]),
    ({"phone": PHONE, "reason": "titular ana.souza@padaria.com.br"}, ["reason"]),
    ({"phone": PHONE, "reason": "CPF 123.456.789-09"}, ["reason"]),
    ({"phone": PHONE, "reason": "Pedido do jurídico\nprocesso 123"}, ["reason"]),
    ({"phone": PHONE, "reason": "Pedido do jurídico\u2028processo 123"}, ["reason"]),
    ({"phone": PHONE, "reason": "Pedido do jurídico \u202eprocesso 123"}, ["reason"]),
    ({"reason": REASON}, ["phone"]),
    ({"phone": PHONE, "user_key": "a" * 43, "reason": REASON}, ["phone"]),
    ({"user_key": "curta", "reason": REASON}, ["user_key"]),
    ({"phone": PHONE, "reason": REASON, "include_pii": "yes"}, ["include_pii"]),
    ({"phone": PHONE, "reason": REASON, "bcc": "x"}, ["bcc"]),
    ({"phone": 5542999990001, "reason": REASON}, ["phone"]),
    ("[1, 2]", ["body"]),
    ("{not json", ["body"]),
    ("", ["body"]),
]


@pytest.mark.parametrize(("body", "fields"), BAD_INPUT)
def test_bad_input_is_422_naming_the_field_never_the_value(client, body, fields):
    """Each malformed request names its fields in pt-BR and repeats no value back."""
    response = export(client, body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and error["fields"] == fields
    sent = body.values() if isinstance(body, dict) else []
    echoed = [v for v in sent if isinstance(v, str) and len(v.strip()) >= 5 and v != PHONE]
    assert error["message"] and not [v for v in echoed if v in response.text]


@pytest.mark.parametrize(("reason", "rule"), [
    ("falar com 42999990001", "dados pessoais"), ("CNPJ 11.222.333/0001-81", "CPF ou CNPJ"),
    ("linha 1\r\nlinha 2", "uma linha só"), ("a\x85b", "separadores de linha"),
])  # fmt: skip
def test_a_reason_with_personal_data_or_two_lines_names_the_rule(client, reason, rule):
    """The reason stays in the audit trail after an erasure: 422, the rule named in pt-BR."""
    response = export(client, {"phone": PHONE, "reason": reason})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["fields"] == ["reason"] and rule in error["message"]
    assert reason not in response.text


def test_unknown_person_is_404(client):
    """A well-formed phone that never wrote: 404, nothing stored."""
    response = export(client, {"phone": "+5511988887777", "reason": REASON})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_oversized_body_is_413(client):
    """Bodies over 16 KiB are refused before parsing."""
    response = export(client, {"phone": PHONE, "reason": "x" * 20_000})
    assert response.status_code == 413


def test_rate_limit_is_per_key(client_factory, tmp_path):
    """Over OPS_RATE_LIMIT_PER_MINUTE: 429 with Retry-After; another key is not affected."""
    client = client_factory(ops_settings(tmp_path, ops_rate_limit_per_minute=2))
    talk(client)
    codes = [export(client, {"phone": PHONE, "reason": REASON}).status_code for _ in range(2)]
    limited = export(client, {"phone": PHONE, "reason": REASON})
    assert codes == [201, 201] and limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert export(client, {"phone": PHONE, "reason": REASON}, key=OTHER_KEY).status_code == 201


def test_stored_export_is_never_overwritten(client_factory, tmp_path):
    """Same instant, same path, different bytes: 409 and the first file unchanged."""
    settings = ops_settings(tmp_path)
    client = client_factory(settings, clock=lambda: FROZEN)
    talk(client)
    first = export(client, {"phone": PHONE, "reason": REASON}).json()
    before = stored_file(settings, first)
    again = export(client, {"phone": PHONE, "reason": REASON, "include_pii": True})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_exists"
    assert stored_file(settings, first) == before


def test_openapi_documents_the_ops_endpoint(client):
    """The request body schema (required reason, formats) is published for API tooling."""
    operation = client.get("/openapi.json").json()["paths"]["/v1/exports/conversations"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["reason"] and schema["additionalProperties"] is False
    assert set(operation["responses"]) >= {"201", "401", "404", "422", "429"}
    assert json.dumps(schema).count("txt") >= 1
