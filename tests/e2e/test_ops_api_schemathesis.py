"""The ops API against its own OpenAPI document, with schemathesis (property-based).

Every generated request (valid, invalid, with and without the key) must get an answer
the document allows: a declared status code, JSON of the declared shape, never a 5xx.
The service runs as a real process (``pyloto-corp serve`` on a free port); schemathesis
reads its /openapi.json. (Schemathesis' own pytest plugin does not load under pytest 9,
so its strategies drive plain Hypothesis tests here; the checks are schemathesis' own.)
"""

from __future__ import annotations

import asyncio

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from pyloto_corp.application.records.ops_keys import hash_ops_key, new_ops_key
from tests.load import processes, traffic
from tests.load.meta_sim import MetaSimulator
from tests.support.ops import OPS_KEY

AUTH = {"Authorization": f"Bearer {OPS_KEY}"}
TEAM_KEY = new_ops_key()  # the handoff endpoints' own key: its own rate limit
TEAM = {"Authorization": f"Bearer {TEAM_KEY}"}
# Derandomized: the same requests on every run and machine (the seed comes from each test's
# name), so CI is repeatable; a failure found once is found again, never by luck.
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=True)  # fmt: skip


PHONE = "+" + traffic.wa_id(0)


OPERATIONS = ["POST /v1/exports/conversations", "POST /v1/lgpd/access", "POST /v1/lgpd/erasure",
              "GET /v1/handoffs", "POST /v1/handoffs/{handoff_id}/messages",
              "POST /v1/handoffs/{handoff_id}/release"]  # fmt: skip


@pytest.fixture(scope="module")
def operations(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ops-api")
    server = processes.service({
        "SQLITE_PATH": str(folder / "pyloto.sqlite3"), "EXPORT_LOCAL_DIR": str(folder / "x"),
        "OPS_API_KEYS": f"juridico:{hash_ops_key(OPS_KEY)},equipe:{hash_ops_key(TEAM_KEY)}",
        "OPS_RATE_LIMIT_PER_MINUTE": "600",
        "OUTBOX_RETRY_INTERVAL_SECONDS": "0",
        "ENVIRONMENT": "test",  # /openapi.json is not served in production
    }, folder / "service.log")  # fmt: skip
    server.start("/readyz")
    try:
        talk = traffic.plan(1, 3)  # a real conversation, so that a valid request can export it
        asyncio.run(MetaSimulator([server.url]).run(talk))
        schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
        found = [r.ok() for r in schema.include(path_regex="^/v1/").get_all_operations()]
        yield {operation.label: operation for operation in found}
    finally:
        server.stop()


@pytest.fixture
def export_operation(operations):
    return operations["POST /v1/exports/conversations"]


def test_the_document_describes_the_ops_api(operations, export_operation):
    """POST /v1/exports/conversations, a Bearer scheme, and a body shape for every answer."""
    assert sorted(operations) == sorted(OPERATIONS)
    for operation in operations.values():
        assert operation.definition.raw["security"] == [{"opsKey": []}]
    erasure = operations["POST /v1/lgpd/erasure"].definition.raw["responses"]
    assert set(erasure) == {"200", "401", "404", "413", "422", "429", "503"}
    declared = export_operation.definition.raw["responses"]
    assert set(declared) == {"201", "401", "404", "409", "413", "422", "429", "503"}
    assert export_operation.definition.raw["security"] == [{"opsKey": []}]


@pytest.mark.parametrize("label", OPERATIONS)
@FUZZ
@given(data=st.data())
def test_valid_requests_get_declared_answers(operations, label, data):
    case = data.draw(operations[label].as_strategy(GenerationMode.POSITIVE))
    case.call_and_validate(headers=_auth(label))


@pytest.mark.parametrize("label", OPERATIONS)
@FUZZ
@given(data=st.data())
def test_invalid_requests_are_refused_as_declared(operations, label, data):
    """Wrong types, missing and unknown fields: a 4xx of the declared shape, never a 5xx."""
    case = data.draw(operations[label].as_strategy(GenerationMode.NEGATIVE))
    case.call_and_validate(headers=_auth(label))


def _auth(label: str) -> dict[str, str]:
    return TEAM if "/v1/handoffs" in label else AUTH


def test_the_documented_example_exports_the_conversation(export_operation):
    """The person who talked is exported: a 201 of the declared shape."""
    case = export_operation.Case(body={"phone": PHONE, "reason": "LGPD: acesso"})
    response = case.call_and_validate(headers=AUTH)
    assert response.status_code == 201 and response.json()["chain_valid"] is True
