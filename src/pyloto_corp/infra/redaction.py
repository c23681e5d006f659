"""A structlog processor that keeps personal data out of every log line.

Two nets: fields whose *name* says they hold personal data or secrets are
replaced whole; every other string is scrubbed of phone numbers (E.164 and
Brazilian formats) and e-mail addresses. Identifier fields are left alone.
"""

from __future__ import annotations

import re
from typing import Any

REDACTED = "[REDACTED]"

SENSITIVE_KEYS = frozenset(
    {
        "text", "body", "message", "message_text", "caption", "content", "payload",
        "raw", "raw_body", "phone", "phone_e164", "msisdn", "wa_id", "from", "from_",
        "user_id", "recipient_id", "name", "profile_name", "username", "email",
        "address", "location", "latitude", "longitude", "authorization", "token",
        "access_token", "secret", "password", "verify_token", "query", "query_string",
    }
)  # fmt: skip
SAFE_KEYS = frozenset(
    {
        "event", "level", "severity", "timestamp", "logger", "user_key",
        "provider_message_id", "correlation_id", "trace_id", "session_id", "event_id",
        "span_id", "trace_sampled", "logging.googleapis.com/trace",
        "logging.googleapis.com/spanid", "logging.googleapis.com/trace_sampled",
    }
)  # fmt: skip

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w.\-/])(?:"
    r"\+\s?\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}"  # international, with "+"
    r"|\d{10,15}"  # bare digits, like Meta's wa_id
    r"|(?:\(?\d{2}\)?[\s.-]?)?9?\d{4}[\s.-]?\d{4}"  # Brazilian: (DDD) 9XXXX-XXXX
    r")(?![\w])"
)
_LONG_NUMBER = 10**9


def scrub(value: Any) -> Any:
    """Remove phones and e-mails from strings, recursively in containers."""
    if isinstance(value, str):
        return _PHONE.sub("[PHONE]", _EMAIL.sub("[EMAIL]", value))
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) >= _LONG_NUMBER:
        return "[NUMBER]"
    if isinstance(value, dict):
        return {k: _redact_field(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [scrub(item) for item in value]
    return value


def _redact_field(key: str, value: Any) -> Any:
    lowered = key.lower()
    if lowered in SENSITIVE_KEYS:
        return REDACTED
    if lowered in SAFE_KEYS:
        return value
    return scrub(value)


def redact_pii(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in list(event_dict):
        event_dict[key] = _redact_field(key, event_dict[key])
    if isinstance(event_dict.get("event"), str):
        event_dict["event"] = scrub(event_dict["event"])
    return event_dict
