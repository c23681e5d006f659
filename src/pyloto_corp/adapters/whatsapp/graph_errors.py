"""Meta's error bodies → typed send errors (codes from the Cloud API error reference)."""

from __future__ import annotations

from typing import Any

from pyloto_corp.application.replies import send_errors as e

_BY_CODE: dict[int, type[e.SendError]] = {
    131047: e.WindowClosed,
    131026: e.Undeliverable,
    130429: e.ThroughputLimited,
    4: e.ThroughputLimited,
    80007: e.ThroughputLimited,
    131056: e.PairRateLimited,
    190: e.TokenExpired,
    131048: e.SpamLimited,
    131049: e.MarketingLimited,
    1: e.Transient,
    2: e.Transient,
    131000: e.Transient,
    133004: e.Transient,
}


def error_code(body: Any) -> int | None:
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def classify(status: int, body: Any) -> e.SendError:
    """The error for a non-2xx answer; the code in the body wins over the HTTP status."""
    code = error_code(body)
    if code in _BY_CODE:
        return _BY_CODE[code](code)
    if status == 429:
        return e.ThroughputLimited(code, f"HTTP {status}")
    if status >= 500:
        return e.Transient(code, f"HTTP {status}")
    if status == 401:
        return e.TokenExpired(code, f"HTTP {status}")
    return e.Rejected(code, f"HTTP {status}")
