"""Policy Pack v0: each policy id allows, denies (with its fallback) or hands off."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.decision import DecisionOutcome, RiskLevel
from pyloto_corp.domain.engine.policy import Action, PolicyPack, Proposal, Verdict

PACK = PolicyPack()
ALLOW, DENY, HANDOFF = DecisionOutcome.ALLOW, DecisionOutcome.DENY, DecisionOutcome.HANDOFF


def judge(action: Action, intent: str = "CUSTOM_SOFTWARE", **facts) -> Verdict:
    parameters = facts.pop("parameters", {})
    return PACK.evaluate(Proposal(action, intent, parameters, **facts))


def say(template: str | None = "greeting", chars: int = 12) -> dict:
    return {"template": template, "chars": chars}


def test_p01_allows_replies_from_the_approved_script() -> None:
    """A reply written from the content file (named template, non-empty) goes out."""
    verdict = judge(Action.SEND_MESSAGE, parameters=say())
    assert (verdict.policy_id, verdict.outcome, verdict.fallback) == ("P-01", ALLOW, None)
    assert judge(Action.SHOW_MENU, parameters=say("menu_body")).allows


@pytest.mark.parametrize("parameters", [say(None), say(chars=0), {}])
def test_p01_denies_a_reply_outside_the_script(parameters) -> None:
    """No template or an empty body: blocked, and nothing replaces it."""
    verdict = judge(Action.SEND_MESSAGE, parameters=parameters)
    assert (verdict.policy_id, verdict.outcome, verdict.fallback) == ("P-01", DENY, None)


def test_p07_denies_every_message_once_the_person_is_silenced() -> None:
    """After an opt-out or abuse, no message and no menu; deciding to be silent is allowed."""
    for action in (Action.SEND_MESSAGE, Action.SHOW_MENU):
        verdict = judge(action, parameters=say(), silenced=True)
        assert (verdict.policy_id, verdict.outcome) == ("P-07", DENY)
    assert judge(Action.SILENCE).policy_id == "P-07" and judge(Action.SILENCE).allows


def test_p02_a_guessed_flow_needs_confidence_or_a_signal() -> None:
    """Low confidence and no signal: denied, the menu instead; signals or a choice: allowed."""
    low = judge(Action.START_INTENT, parameters={"source": "classifier"}, confidence=0.3)
    assert (low.policy_id, low.outcome, low.fallback) == ("P-02", DENY, Action.SHOW_MENU)
    unknown = judge(Action.START_INTENT, parameters={"source": "classifier"})
    assert unknown.outcome is DENY  # undefined confidence counts as low
    signals = judge(Action.START_INTENT, parameters={"source": "classifier"}, confidence=0.3,
                    signals=("city",))  # fmt: skip
    confident = judge(Action.START_INTENT, parameters={"source": "classifier"}, confidence=0.8)
    chosen = judge(Action.START_INTENT, parameters={"source": "choice"})
    out_of_scope = judge(Action.START_INTENT, "UNSUPPORTED", parameters={"source": "classifier"})
    assert all(v.allows for v in (signals, confident, chosen, out_of_scope))


def test_p03_a_handoff_is_a_success_and_silences_other_replies() -> None:
    """Handing off is verdict ``handoff``; once escalated, only the handoff messages go out."""
    verdict = judge(Action.HANDOFF)
    assert (verdict.policy_id, verdict.outcome, verdict.verification.value) == (
        "P-03", HANDOFF, "human")  # fmt: skip
    other = judge(Action.SEND_MESSAGE, parameters=say("reask"), escalated=True)
    assert (other.policy_id, other.outcome) == ("P-03", DENY)
    assert judge(Action.SEND_MESSAGE, parameters=say("handoff_policy"), escalated=True).allows


def test_p04_only_a_delivery_request_is_routed_outside() -> None:
    """The delivery channel is for delivery requests; anything else goes to a person."""
    assert judge(Action.ROUTE_EXTERNAL, "PYLOTO_ENTREGA_REQUEST").allows
    other = judge(Action.ROUTE_EXTERNAL, "PYLOTO_ENTREGA_DRIVER_SIGNUP")
    assert (other.policy_id, other.outcome) == ("P-04", HANDOFF)


def test_p05_schedules_unless_the_person_asked_to_stop() -> None:
    """A follow-up is allowed; for a silenced person it falls back to a plain close."""
    assert judge(Action.SCHEDULE).policy_id == "P-05" and judge(Action.SCHEDULE).allows
    verdict = judge(Action.SCHEDULE, silenced=True)
    assert (verdict.outcome, verdict.fallback) == (DENY, Action.CLOSE)


def test_p06_closes_with_the_canonical_outcome() -> None:
    """Closing a session is allowed (exactly once, enforced by the engine)."""
    verdict = judge(Action.CLOSE, parameters={"outcome": "SELF_SERVE_INFO"})
    assert (verdict.policy_id, verdict.outcome) == ("P-06", ALLOW)


def test_a_deployment_can_replace_a_rule() -> None:
    """The pack is versioned and its rules replaceable (a stricter pack for a deployment)."""
    strict = PolicyPack({Action.CLOSE: lambda p: Verdict("X-1", DENY, RiskLevel.HIGH, "não")})
    assert strict.evaluate(Proposal(Action.CLOSE, "X")).policy_id == "X-1"
    assert strict.evaluate(Proposal(Action.SILENCE, "X")).policy_id == "P-07"
    assert strict.version == PACK.version
