"""DecisionEnvelope_v0 (seed 002) and ConversationHandoff (seed 001)."""

import pytest

from pyloto_corp.domain.decision import DecisionEnvelope, DecisionOutcome, RiskLevel
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.handoff import ConversationHandoff
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.qualification import QualificationLevel

SEED_EXAMPLE = {
    "id": "550e8400-e29b-41d4-a716-446655440000",
    "timestamp": "2026-01-19T21:45:00Z",
    "environment": "runtime",
    "actor": {"type": "bot", "name": "Otto", "channel": "whatsapp"},
    "intent": "escalar_lead",
    "proposal": {"action": "handoff_to_human",
                 "parameters": {"lead_id": "lead_123", "reason": "interesse em software"}},
    "context": {"lead_id": "lead_123", "conversation_id": "conv_456", "confidence": 0.85,
                "signals": ["mencionou sistema", "perguntou prazo"]},
    "risk_level": "medium",
    "verification": {"type": "policy", "required": True},
    "decision": {"outcome": "allow", "policy_id": "P-04",
                 "reason": "sinais mínimos presentes para escalada"},
}  # fmt: skip


def test_seed_example_round_trips_exactly():
    """The seed's own example parses and serializes back to the same document."""
    assert DecisionEnvelope.from_dict(SEED_EXAMPLE).to_dict() == SEED_EXAMPLE


def envelope(**overrides):
    values = {"id": "d1", "timestamp": "2026-11-23T12:00:00Z", "actor_name": "Otto",
              "intent": "qualificar_lead", "action": "enviar_mensagem", "risk_level": RiskLevel.LOW,
              "outcome": DecisionOutcome.ALLOW, "reason": "resposta informativa"}  # fmt: skip
    return DecisionEnvelope(**(values | overrides))


def test_undefined_confidence_counts_as_low_and_is_omitted():
    """No confidence → treated as 0.0 and left out of the context, as the schema allows."""
    decision = envelope()
    assert decision.effective_confidence == 0.0
    assert "confidence" not in decision.to_dict()["context"]
    assert "policy_id" not in decision.to_dict()["decision"]


@pytest.mark.parametrize(
    "bad", [{"reason": ""}, {"channel": "sms"}, {"confidence": 1.5}, {"action": ""}]
)
def test_envelope_rejects_what_the_schema_forbids(bad):
    """Empty reason/action, unknown channel or confidence outside [0,1] are refused."""
    with pytest.raises(DomainError):
        envelope(**bad)


def handoff(**overrides):
    values = {"intent_primary": Intent.CUSTOM_SOFTWARE,
              "intents_detected": (Intent.CUSTOM_SOFTWARE, Intent.INSTITUTIONAL),
              "resolved_intents": (Intent.CUSTOM_SOFTWARE,),
              "open_intents": (Intent.INSTITUTIONAL,),
              "summary": "App de estoque para 12 usuários", "requirements": {"user_count": 12},
              "deadline": "até março", "routing": "sales", "confidence": 0.9,
              "qualification_level": QualificationLevel.HIGH,
              "qualification_reasons": ("commercial_intent", "all_critical_fields")}  # fmt: skip
    return ConversationHandoff(**(values | overrides))


def test_handoff_carries_every_seed_field():
    """All eleven seed fields are present in the handoff document."""
    assert set(handoff().to_dict()) == {
        "intent_primary", "intents_detected", "resolved_intents", "open_intents", "summary",
        "requirements", "deadline", "routing", "confidence", "qualification_level",
        "qualification_reasons"}  # fmt: skip
    assert handoff().to_dict()["qualification_level"] == "high"


@pytest.mark.parametrize(
    "bad",
    [{"intent_primary": Intent.SAAS_COMMUNICATION}, {"open_intents": (Intent.CUSTOM_SOFTWARE,)},
     {"routing": ""}],
)  # fmt: skip
def test_handoff_invariants(bad):
    """Primary among detected, nothing both resolved and open, always routed."""
    with pytest.raises(DomainError):
        handoff(**bad)
