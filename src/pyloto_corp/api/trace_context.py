"""The request's trace context, from untrusted headers, for Cloud Logging's trace fields.

Two headers reach a Cloud Run service: W3C ``traceparent``
(``00-<32 hex trace>-<16 hex parent span>-<2 hex flags>``) and the legacy
``X-Cloud-Trace-Context`` (``TRACE/SPAN;o=1``, the span in *decimal*). Google's guidance
(cloud.google.com/trace/docs/trace-context) is to prefer ``traceparent`` and keep the
legacy header as a fallback, so a valid ``traceparent`` wins. Invalid values are ignored
whole; Cloud Logging wants ``spanId`` as 16 lowercase hex characters, never all zeros.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
_CLOUD_TRACE = re.compile(r"([0-9a-fA-F]{32})(?:/(\d{1,20}))?(?:;o=([01]))?")
_SPAN_LIMIT = 2**64
SAMPLED_FLAG = 0x01


@dataclass(frozen=True, slots=True)
class TraceContext:
    trace_id: str  # 32 lowercase hex
    span_id: str | None = None  # 16 lowercase hex
    sampled: bool = False

    def log_fields(self) -> dict[str, object]:
        """What the middleware binds for the logging processor (``infra.logging``)."""
        fields: dict[str, object] = {"trace_id": self.trace_id}
        if self.span_id:
            fields["span_id"] = self.span_id
        if self.sampled:
            fields["trace_sampled"] = True
        return fields


def _nonzero(hex_text: str) -> bool:
    return any(char != "0" for char in hex_text)


def from_traceparent(value: str) -> TraceContext | None:
    """Version 00 only; an all-zero trace id or parent id makes the header invalid."""
    found = _TRACEPARENT.fullmatch(value.strip())
    if found is None:
        return None
    trace_id, parent_id, flags = found.groups()
    if not (_nonzero(trace_id) and _nonzero(parent_id)):
        return None
    return TraceContext(trace_id, parent_id, bool(int(flags, 16) & SAMPLED_FLAG))


def from_cloud_trace(value: str) -> TraceContext | None:
    """``TRACE[/SPAN][;o=0|1]``; a span of zero or beyond 64 bits is dropped, not the trace."""
    found = _CLOUD_TRACE.fullmatch(value.strip())
    if found is None or not _nonzero(found.group(1)):
        return None
    trace_id, span, option = found.group(1).lower(), found.group(2), found.group(3)
    number = int(span) if span else 0
    span_id = f"{number:016x}" if 0 < number < _SPAN_LIMIT else None
    return TraceContext(trace_id, span_id, option == "1")


def trace_from_headers(headers: Mapping[str, str]) -> TraceContext | None:
    """``traceparent`` first, then ``X-Cloud-Trace-Context``; None when neither is valid."""
    parent = from_traceparent(headers.get("traceparent", ""))
    return parent or from_cloud_trace(headers.get("x-cloud-trace-context", ""))
