"""Lead qualification: deterministic, explainable, never blocked by a missing budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from pyloto_corp.domain.intents import COMMERCIAL_INTENTS, CRITICAL_FIELDS, Intent

DECISION_MAKER_ROLES = frozenset({"owner", "partner", "director", "ceo", "founder"})
_UNANSWERED = (None, "", "unknown")


class QualificationLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Qualification:
    level: QualificationLevel
    reasons: tuple[str, ...]
    missing: tuple[str, ...]


def missing_fields(intent: Intent, slots: Mapping[str, object]) -> tuple[str, ...]:
    """Critical fields of the intent still unanswered ("unknown" does not count as an answer)."""
    return tuple(f for f in CRITICAL_FIELDS.get(intent, ()) if slots.get(f) in _UNANSWERED)


def qualify(
    intent: Intent, slots: Mapping[str, object], *, urgent: bool = False,
    role: str | None = None, outside_area: bool = False, support: bool = False,
) -> Qualification:  # fmt: skip
    """high = commercial + every critical field + (urgency or a decision-making role);
    medium = commercial with at most one critical field missing; low otherwise, and always
    low for a delivery lead outside the region Pyloto Entrega serves (interest noted).

    ``reasons`` names every signal that counted, so the level can be explained; a support
    case (a complaint or problem with something already contracted) says so.
    """
    missing = missing_fields(intent, slots)
    if support:  # a complaint about what exists: no sale, never "só informação" to the team
        return Qualification(QualificationLevel.LOW, ("support_case",), ())
    if intent is Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP:  # a signup, not a sale: never "só
        done = ("all_critical_fields",) if not missing else tuple(f"missing:{f}" for f in missing)
        return Qualification(QualificationLevel.LOW, ("courier_signup", *done), missing)
    if intent not in COMMERCIAL_INTENTS:  # informação" to the onboarding team
        return Qualification(QualificationLevel.LOW, ("informational_intent",), missing)
    reasons = ["commercial_intent"]
    reasons += ["all_critical_fields"] if not missing else [f"missing:{f}" for f in missing]
    if urgent:
        reasons.append("urgency")
    if role in DECISION_MAKER_ROLES:
        reasons.append("decision_maker_role")
    if slots.get("budget") not in _UNANSWERED:
        reasons.append("budget_informed")
    if outside_area:
        reasons.append("outside_service_area")
        level = QualificationLevel.LOW
    elif not missing and (urgent or role in DECISION_MAKER_ROLES):
        level = QualificationLevel.HIGH
    elif len(missing) <= 1:
        level = QualificationLevel.MEDIUM
    else:
        level = QualificationLevel.LOW
    return Qualification(level, tuple(reasons), missing)
