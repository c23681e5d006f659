"""A decision as the DecisionEnvelope_v0 the audit trail keeps (seed 002)."""

from __future__ import annotations

from pyloto_corp.domain.decision import DecisionEnvelope
from pyloto_corp.domain.engine.policy import POLICY_PACK_VERSION, Decision


def envelope_of(
    decision: Decision, *, decision_id: str, timestamp: str, actor: str
) -> DecisionEnvelope:
    """The envelope of a decision already taken: the verdict is recorded, never re-derived."""
    proposal, verdict = decision.proposal, decision.verdict
    parameters = {**proposal.parameters, "policy_pack": POLICY_PACK_VERSION}
    if verdict.fallback is not None:
        parameters["fallback"] = verdict.fallback.value
    return DecisionEnvelope(
        id=decision_id,
        timestamp=timestamp,
        actor_name=actor,
        intent=proposal.intent,
        action=proposal.action.value,
        parameters=parameters,
        conversation_id=decision.session_id,
        confidence=proposal.confidence,
        signals=proposal.signals,
        risk_level=verdict.risk,
        verification_type=verdict.verification,
        verification_required=True,
        outcome=verdict.outcome,
        policy_id=verdict.policy_id,
        reason=verdict.reason,
    )
