"""What people want (intents), how sessions end (outcomes), and what each line needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Intent(StrEnum):
    ENTRY_UNKNOWN = "ENTRY_UNKNOWN"
    CUSTOM_SOFTWARE = "CUSTOM_SOFTWARE"
    SAAS_COMMUNICATION = "SAAS_COMMUNICATION"
    PYLOTO_ENTREGA_REQUEST = "PYLOTO_ENTREGA_REQUEST"
    PYLOTO_ENTREGA_DRIVER_SIGNUP = "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    PYLOTO_ENTREGA_MERCHANT_SIGNUP = "PYLOTO_ENTREGA_MERCHANT_SIGNUP"
    INSTITUTIONAL = "INSTITUTIONAL"
    UNSUPPORTED = "UNSUPPORTED"


class Outcome(StrEnum):
    """The eight canonical terminal outcomes: every session ends with exactly one."""

    HANDOFF_HUMAN = "HANDOFF_HUMAN"
    SELF_SERVE_INFO = "SELF_SERVE_INFO"
    ROUTE_EXTERNAL = "ROUTE_EXTERNAL"
    SCHEDULED_FOLLOWUP = "SCHEDULED_FOLLOWUP"
    AWAITING_USER = "AWAITING_USER"
    DUPLICATE_OR_SPAM = "DUPLICATE_OR_SPAM"
    UNSUPPORTED = "UNSUPPORTED"
    FAILED_INTERNAL = "FAILED_INTERNAL"


COMMERCIAL_INTENTS = frozenset(
    {Intent.CUSTOM_SOFTWARE, Intent.SAAS_COMMUNICATION, Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP}
)
OPERATIONAL_INTENTS = frozenset({Intent.PYLOTO_ENTREGA_REQUEST})
MAX_INTENTS_PER_SESSION = 3

CRITICAL_FIELDS: dict[Intent, tuple[str, ...]] = {
    Intent.CUSTOM_SOFTWARE: ("problem", "features", "user_count", "city", "deadline"),
    Intent.SAAS_COMMUNICATION: (
        "business_type", "channels", "message_volume", "main_pain", "automation_goal"),
    Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP: ("company", "city", "segment", "delivery_volume"),
    Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP: ("name", "city", "vehicle", "availability"),
}  # fmt: skip

# Relative commercial impact, used only to break ties between intents seen together.
COMMERCIAL_IMPACT: dict[Intent, int] = {
    Intent.CUSTOM_SOFTWARE: 5,
    Intent.SAAS_COMMUNICATION: 4,
    Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP: 3,
    Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP: 2,
    Intent.INSTITUTIONAL: 1,
}


@dataclass(frozen=True, slots=True)
class DetectedIntent:
    intent: Intent
    confidence: float | None = None


def choose_active(detected: Sequence[DetectedIntent], explicit: Intent | None = None) -> Intent:
    """The intent to work on first.

    Order: the person's explicit choice → an immediate operational need → the highest
    commercial impact → the first mentioned. ENTRY_UNKNOWN when nothing was detected.
    """
    if explicit is not None:
        return explicit
    candidates = [d.intent for d in detected if d.intent is not Intent.ENTRY_UNKNOWN]
    if not candidates:
        return Intent.ENTRY_UNKNOWN
    operational = [i for i in candidates if i in OPERATIONAL_INTENTS]
    if operational:
        return operational[0]
    best = max(COMMERCIAL_IMPACT.get(i, 0) for i in candidates)
    return next(i for i in candidates if COMMERCIAL_IMPACT.get(i, 0) == best)
