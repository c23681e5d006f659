"""Log output: Cloud Logging's JSON shape, stdlib loggers routed through redaction."""

import io
import json
import logging

import pytest
import structlog

from pyloto_corp.infra.logging import configure_logging


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_have_severity_message_and_trace():
    """JSON logs carry severity, message (the event) and Cloud Logging's trace link."""
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", project_id="pyloto-prod", stream=stream)
    structlog.contextvars.bind_contextvars(trace_id="abc123", correlation_id="abc123")
    try:
        structlog.get_logger().warning("webhook.signature_rejected", body_bytes=10)
    finally:
        structlog.contextvars.clear_contextvars()
    [line] = _lines(stream)
    assert line["severity"] == "WARNING" and line["message"] == "webhook.signature_rejected"
    assert line["logging.googleapis.com/trace"] == "projects/pyloto-prod/traces/abc123"
    assert line["correlation_id"] == "abc123" and "timestamp" in line


def test_debug_is_filtered_at_info_level():
    """Below the configured level nothing is written."""
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", stream=stream)
    structlog.get_logger().debug("noise.event")
    assert stream.getvalue() == ""


@pytest.mark.pii_logs
def test_stdlib_loggers_go_through_redaction():
    """uvicorn/google/redis loggers use the same chain: phones and e-mails are masked."""
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", stream=stream)
    logging.getLogger("some.library").error("failed for +5542999990001 / ana@x.com.br")
    [line] = _lines(stream)
    assert line["severity"] == "ERROR"
    assert "+5542999990001" not in line["message"] and "ana@x.com.br" not in line["message"]


@pytest.mark.pii_logs
def test_exceptions_are_rendered_and_scrubbed():
    """Tracebacks are logged (for ops) with personal data masked."""
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", stream=stream)
    try:
        raise ValueError("bad phone +5542999990001")
    except ValueError:
        structlog.get_logger().exception("test.failure")
    [line] = _lines(stream)
    assert "ValueError" in line["exception"] and "5542999990001" not in line["exception"]


def test_console_renderer_in_development():
    """Development logs are human-readable, not JSON, and still redacted."""
    stream = io.StringIO()
    configure_logging(json_logs=False, level="INFO", stream=stream)
    structlog.get_logger().info("dev.event", text="segredo")
    output = stream.getvalue()
    assert "dev.event" in output and "segredo" not in output
