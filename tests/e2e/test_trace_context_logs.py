"""Cloud Logging's trace fields on every line of a request, from real headers over the app."""

from __future__ import annotations

import io
import json

import pytest

from pyloto_corp.infra.logging import configure_logging

PROJECT = "pyloto-test"
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"
CLOUD_TRACE = "105445aa7843bc8bf206b12000100000"
TRACE_KEY, SPAN_KEY = "logging.googleapis.com/trace", "logging.googleapis.com/spanId"
SAMPLED_KEY = "logging.googleapis.com/trace_sampled"


@pytest.fixture
def logs(client):
    """The JSON lines the service writes, as Cloud Run would ship them."""
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", project_id=PROJECT, stream=stream)

    def request(headers: dict[str, str]) -> tuple[dict[str, str], list[dict]]:
        stream.seek(0)
        stream.truncate()
        response = client.get("/healthz", headers=headers)
        lines = [json.loads(line) for line in stream.getvalue().splitlines() if line]
        return dict(response.headers), [line for line in lines if line["message"] == "http.request"]

    return request


def test_traceparent_gives_trace_span_and_sampling(logs):
    headers, [line] = logs({"traceparent": f"00-{TRACE}-{PARENT}-01"})
    assert headers["x-correlation-id"] == TRACE
    assert line[TRACE_KEY] == f"projects/{PROJECT}/traces/{TRACE}"
    assert line[SPAN_KEY] == PARENT and line[SAMPLED_KEY] is True
    assert "trace_id" not in line and "span_id" not in line


def test_the_cloud_header_span_is_converted_from_decimal(logs):
    _, [line] = logs({"X-Cloud-Trace-Context": f"{CLOUD_TRACE}/123456789;o=1"})
    assert line[TRACE_KEY] == f"projects/{PROJECT}/traces/{CLOUD_TRACE}"
    assert line[SPAN_KEY] == "00000000075bcd15" and line[SAMPLED_KEY] is True


def test_traceparent_wins_and_an_unsampled_request_says_nothing_about_sampling(logs):
    both = {"traceparent": f"00-{TRACE}-{PARENT}-00",
            "X-Cloud-Trace-Context": f"{CLOUD_TRACE}/1;o=1"}  # fmt: skip
    _, [line] = logs(both)
    assert line[TRACE_KEY].endswith(TRACE) and line[SPAN_KEY] == PARENT
    assert SAMPLED_KEY not in line


def test_an_invalid_traceparent_falls_back_to_the_cloud_header(logs):
    broken = {"traceparent": f"00-{TRACE}-{'0' * 16}-01", "X-Cloud-Trace-Context": CLOUD_TRACE}
    _, [line] = logs(broken)
    assert line[TRACE_KEY].endswith(CLOUD_TRACE) and SPAN_KEY not in line


@pytest.mark.parametrize(
    "headers",
    [{"traceparent": f"00-{TRACE.upper()}-{PARENT}-01"}, {"traceparent": f"01-{TRACE}-{PARENT}-01"},
     {"X-Cloud-Trace-Context": f"{CLOUD_TRACE}/x;o=1"}, {}],
)  # fmt: skip
def test_without_a_valid_trace_header_no_trace_field_is_written(logs, headers):
    response_headers, [line] = logs(headers)
    assert not {TRACE_KEY, SPAN_KEY, SAMPLED_KEY} & set(line)
    assert len(response_headers["x-correlation-id"]) == 32
