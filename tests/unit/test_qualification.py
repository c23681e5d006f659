"""Qualification (SPEC §3) and the active-intent priority rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyloto_corp.domain.intents import (
    COMMERCIAL_INTENTS,
    CRITICAL_FIELDS,
    DetectedIntent,
    Intent,
    choose_active,
)
from pyloto_corp.domain.qualification import QualificationLevel, missing_fields, qualify

FULL_SOFTWARE = {"problem": "controle de estoque", "features": "app + painel", "user_count": 12,
                 "city": "Ponta Grossa", "deadline": "até março"}  # fmt: skip


def test_high_needs_every_field_and_urgency_or_decision_maker():
    """Complete + urgent, or complete + owner: high; complete alone: medium."""
    assert qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE, urgent=True).level == "high"
    owner = qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE, role="owner")
    assert owner.level == "high" and owner.reasons == (
        "commercial_intent", "all_critical_fields", "decision_maker_role")  # fmt: skip
    assert qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE, role="employee").level == "medium"


def test_one_missing_is_medium_two_missing_is_low():
    """At most one critical field missing: medium; two or more: low; each named."""
    one = qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE | {"deadline": None}, urgent=True)
    assert (one.level, one.missing) == (QualificationLevel.MEDIUM, ("deadline",))
    assert "missing:deadline" in one.reasons and "urgency" in one.reasons
    two = qualify(Intent.CUSTOM_SOFTWARE, {"problem": "x", "features": "y", "city": "z"})
    assert (two.level, two.missing) == (QualificationLevel.LOW, ("user_count", "deadline"))


def test_budget_never_blocks_high_and_unknown_is_not_an_answer():
    """A refused budget ('unknown') keeps high; 'unknown' in a critical field is missing."""
    refused = qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE | {"budget": "unknown"}, urgent=True)
    assert refused.level == "high" and "budget_informed" not in refused.reasons
    told = qualify(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE | {"budget": "50 mil"}, urgent=True)
    assert "budget_informed" in told.reasons
    assert missing_fields(Intent.CUSTOM_SOFTWARE, FULL_SOFTWARE | {"city": "unknown"}) == ("city",)


SIGNUP = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP


@pytest.mark.parametrize("intent", [i for i in Intent if i not in {*COMMERCIAL_INTENTS, SIGNUP}])
def test_informational_intents_are_low(intent):
    """Institutional, delivery requests and the rest are never sales leads."""
    result = qualify(intent, {"name": "Ana"}, urgent=True, role="owner")
    assert result.level == "low" and result.reasons == ("informational_intent",)


def test_a_courier_signup_is_no_sale_and_says_what_it_has():
    whole = {"name": "Ana", "city": "Castro", "vehicle": "moto", "availability": ["noite"]}
    done = qualify(SIGNUP, whole, urgent=True, role="owner")
    assert done.level == "low" and done.reasons == ("courier_signup", "all_critical_fields")
    assert qualify(SIGNUP, {"name": "Ana"}).reasons == (
        "courier_signup",
        "missing:city",
        "missing:vehicle",
        "missing:availability",
    )


@given(
    intent=st.sampled_from(sorted(COMMERCIAL_INTENTS)),
    answered=st.lists(st.booleans(), min_size=5, max_size=5),
    urgent=st.booleans(),
    role=st.sampled_from([None, "owner", "employee"]),
)
def test_level_follows_the_rule_for_any_combination(intent, answered, urgent, role):
    """The level is a pure function of missing count, urgency and role."""
    fields = CRITICAL_FIELDS[intent]
    slots = {f: "ok" for f, yes in zip(fields, answered, strict=False) if yes}
    missing = sum(1 for f, yes in zip(fields, answered, strict=False) if not yes)
    level = qualify(intent, slots, urgent=urgent, role=role).level
    if missing == 0 and (urgent or role == "owner"):
        assert level == "high"
    elif missing <= 1:
        assert level == "medium"
    else:
        assert level == "low"


D = DetectedIntent


@pytest.mark.parametrize(
    ("detected", "explicit", "expected"),
    [
        ([D(Intent.INSTITUTIONAL), D(Intent.CUSTOM_SOFTWARE)], Intent.INSTITUTIONAL,
         Intent.INSTITUTIONAL),
        ([D(Intent.CUSTOM_SOFTWARE), D(Intent.PYLOTO_ENTREGA_REQUEST)], None,
         Intent.PYLOTO_ENTREGA_REQUEST),
        ([D(Intent.INSTITUTIONAL), D(Intent.SAAS_COMMUNICATION), D(Intent.CUSTOM_SOFTWARE)], None,
         Intent.CUSTOM_SOFTWARE),
        ([D(Intent.UNSUPPORTED), D(Intent.UNSUPPORTED)], None, Intent.UNSUPPORTED),
        ([D(Intent.ENTRY_UNKNOWN)], None, Intent.ENTRY_UNKNOWN),
        ([], None, Intent.ENTRY_UNKNOWN),
    ],
)  # fmt: skip
def test_active_intent_priority(detected, explicit, expected):
    """Explicit choice → operational need → commercial impact → first mentioned."""
    assert choose_active(detected, explicit) is expected


def test_a_support_case_says_so_not_informational():
    result = qualify(Intent.PYLOTO_ENTREGA_REQUEST, {}, support=True)
    assert result.level == "low" and result.reasons == ("support_case",) and result.missing == ()
