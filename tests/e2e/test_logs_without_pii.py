"""No phone, name, e-mail or message text reaches any log line of a webhook request."""

import logging

import pytest
import structlog
from structlog.testing import capture_logs

from pyloto_corp.infra.logging import shared_processors
from tests.support import meta

PII = ["5542999990001", "99999-0001", "Ana Souza", "ana.souza@padaria.com.br",
       "Pão Quente", "quero um app", "Rua XV", "BR.1234567890123"]  # fmt: skip


def _pii_document() -> dict:
    text = "sou a Ana Souza da Pão Quente, quero um app, ana.souza@padaria.com.br, 99999-0001"
    return meta.envelope(
        [meta.message(text={"body": text}),
         meta.message("location", location={"latitude": 1, "longitude": 2, "address": "Rua XV"}),
         meta.message("text", text={"body": 7}),
         meta.message(sender=None, from_user_id="BR.1234567890123")],
        statuses=[meta.status("wamid.X", "failed", errors=[{"code": 131047}])],
    )  # fmt: skip


@pytest.fixture
def debug_level():
    """DEBUG lines too: the details a message's one INFO line leaves out must be clean."""
    saved = structlog.get_config()["wrapper_class"]
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG))
    yield
    structlog.configure(wrapper_class=saved)


@pytest.mark.pii_logs
@pytest.mark.parametrize("tamper", [False, True])
def test_webhook_logs_carry_ids_only(deliver, tamper, debug_level):
    """Accepted or rejected, the request's log entries hold ids and counts, never PII."""
    document = _pii_document()
    with capture_logs(processors=shared_processors()) as entries:
        if tamper:
            document["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = ""
        response = deliver(document)
    assert response.status_code == 200
    events = [entry["event"] for entry in entries]
    assert "webhook.processed" in events and "http.request" in events
    assert all(entry.get("correlation_id") for entry in entries)
    flat = repr(entries)
    leaked = [value for value in PII if value in flat]
    assert leaked == []


def test_correlation_id_is_taken_from_cloud_trace_header(client):
    """X-Cloud-Trace-Context gives the correlation id, returned in X-Correlation-ID."""
    trace = "105445aa7843bc8bf206b12000100000"
    with capture_logs(processors=shared_processors()) as entries:
        response = client.get("/healthz", headers={"X-Cloud-Trace-Context": f"{trace}/1;o=1"})
    assert response.headers["x-correlation-id"] == trace
    assert entries[-1]["trace_id"] == trace


@pytest.mark.parametrize(
    ("header", "expected"),
    [("req-42", "req-42"), ("bad id with spaces", None), ("x" * 200, None)],
)
def test_correlation_id_from_request_id_or_generated(client, header, expected):
    """A safe X-Request-ID is reused; anything else is replaced by a fresh id."""
    response = client.get("/healthz", headers={"X-Request-ID": header})
    got = response.headers["x-correlation-id"]
    assert got == expected if expected else (got != header and len(got) == 32)
