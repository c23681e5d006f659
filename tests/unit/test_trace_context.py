"""Trace context from untrusted headers: strict W3C traceparent, the legacy Cloud header."""

from __future__ import annotations

import pytest

from pyloto_corp.api.trace_context import (
    TraceContext,
    from_cloud_trace,
    from_traceparent,
    trace_from_headers,
)

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"


@pytest.mark.parametrize(
    ("flags", "sampled"), [("01", True), ("00", False), ("03", True), ("02", False)]
)
def test_a_valid_traceparent_gives_trace_span_and_sampling(flags, sampled):
    assert from_traceparent(f"00-{TRACE}-{PARENT}-{flags}") == TraceContext(TRACE, PARENT, sampled)


@pytest.mark.parametrize(
    "value",
    [
        f"01-{TRACE}-{PARENT}-01",  # only version 00 is understood
        f"ff-{TRACE}-{PARENT}-01",
        f"00-{'0' * 32}-{PARENT}-01",  # all-zero trace id
        f"00-{TRACE}-{'0' * 16}-01",  # all-zero parent id
        f"00-{TRACE.upper()}-{PARENT}-01",  # W3C ids are lowercase hex
        f"00-{TRACE[:-1]}-{PARENT}-01",
        f"00-{TRACE}-{PARENT}0-01",
        f"00-{TRACE}-{PARENT}-1",
        f"00-{TRACE}-{PARENT}-01-extra",
        f"00_{TRACE}_{PARENT}_01",
        f"00-{TRACE[:-1]}g-{PARENT}-01",
        "",
    ],
)
def test_an_invalid_traceparent_is_ignored(value):
    assert from_traceparent(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (f"{TRACE}/1;o=1", TraceContext(TRACE, "0000000000000001", True)),
        (f"{TRACE.upper()}/123456789;o=0", TraceContext(TRACE, "00000000075bcd15", False)),
        (f"{TRACE}/18446744073709551615", TraceContext(TRACE, "ffffffffffffffff", False)),
        (f"{TRACE}/18446744073709551616;o=1", TraceContext(TRACE, None, True)),  # > 64 bits
        (f"{TRACE}/0;o=1", TraceContext(TRACE, None, True)),
        (TRACE, TraceContext(TRACE)),
    ],
)
def test_the_cloud_header_span_is_decimal_and_becomes_16_hex(value, expected):
    assert from_cloud_trace(value) == expected


@pytest.mark.parametrize(
    "value", [f"{TRACE}/abc;o=1", f"{TRACE}/1;o=2", "0" * 32 + "/1;o=1", TRACE[:-1], "x"]
)
def test_an_invalid_cloud_header_is_ignored(value):
    assert from_cloud_trace(value) is None


def test_traceparent_wins_over_the_cloud_header_and_falls_back_when_invalid():
    cloud = "105445aa7843bc8bf206b12000100000/1;o=0"
    both = {"traceparent": f"00-{TRACE}-{PARENT}-01", "x-cloud-trace-context": cloud}
    assert trace_from_headers(both) == TraceContext(TRACE, PARENT, True)
    broken = {**both, "traceparent": f"00-{'0' * 32}-{PARENT}-01"}
    fallback = TraceContext("105445aa7843bc8bf206b12000100000", "0000000000000001", False)
    assert trace_from_headers(broken) == fallback
    assert trace_from_headers({}) is None
