"""Decision Contract v0: every decision with an externally visible effect, traceable.

Mirrors seed 002's DecisionEnvelope_v0. ``confidence`` informs and never decides alone;
an undefined confidence is treated as low; ``handoff`` is a success state, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pyloto_corp.domain.errors import DomainError

LOW_CONFIDENCE = 0.0
CHANNELS = frozenset({"whatsapp", "telegram", "api"})


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class DecisionOutcome(StrEnum):
    ALLOW = "allow"
    DENY = "deny"
    HANDOFF = "handoff"


class VerificationType(StrEnum):
    POLICY = "policy"
    HUMAN = "human"


@dataclass(frozen=True, slots=True)
class DecisionEnvelope:
    id: str
    timestamp: str
    actor_name: str
    intent: str
    action: str
    risk_level: RiskLevel
    outcome: DecisionOutcome
    reason: str
    parameters: dict[str, Any] = field(default_factory=dict)
    channel: str = "whatsapp"
    lead_id: str | None = None
    conversation_id: str | None = None
    confidence: float | None = None
    signals: tuple[str, ...] = ()
    verification_type: VerificationType = VerificationType.POLICY
    verification_required: bool = True
    policy_id: str | None = None

    def __post_init__(self) -> None:
        if not (self.id and self.timestamp and self.actor_name and self.action and self.reason):
            raise DomainError("a decision needs id, timestamp, actor, action and a reason")
        if self.channel not in CHANNELS:
            raise DomainError(f"unknown channel {self.channel!r}")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise DomainError("confidence must be within [0, 1]")

    @property
    def effective_confidence(self) -> float:
        """Undefined confidence counts as low (the safe fallback)."""
        return LOW_CONFIDENCE if self.confidence is None else self.confidence

    def to_dict(self) -> dict[str, Any]:
        """The DecisionEnvelope_v0 JSON document, exactly as seed 002 defines it."""
        context: dict[str, Any] = {"signals": list(self.signals)}
        for key in ("lead_id", "conversation_id", "confidence"):
            if getattr(self, key) is not None:
                context[key] = getattr(self, key)
        decision: dict[str, Any] = {"outcome": self.outcome.value, "reason": self.reason}
        if self.policy_id:
            decision["policy_id"] = self.policy_id
        return {
            "id": self.id,
            "timestamp": self.timestamp,
            "environment": "runtime",
            "actor": {"type": "bot", "name": self.actor_name, "channel": self.channel},
            "intent": self.intent,
            "proposal": {"action": self.action, "parameters": dict(self.parameters)},
            "context": context,
            "risk_level": self.risk_level.value,
            "verification": {
                "type": self.verification_type.value,
                "required": self.verification_required,
            },
            "decision": decision,
        }

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> DecisionEnvelope:
        context, decision = doc.get("context", {}), doc["decision"]
        return cls(
            id=doc["id"],
            timestamp=doc["timestamp"],
            actor_name=doc["actor"]["name"],
            channel=doc["actor"]["channel"],
            intent=doc["intent"],
            action=doc["proposal"]["action"],
            parameters=dict(doc["proposal"].get("parameters", {})),
            lead_id=context.get("lead_id"),
            conversation_id=context.get("conversation_id"),
            confidence=context.get("confidence"),
            signals=tuple(context.get("signals", ())),
            risk_level=RiskLevel(doc["risk_level"]),
            verification_type=VerificationType(doc["verification"]["type"]),
            verification_required=bool(doc["verification"]["required"]),
            outcome=DecisionOutcome(decision["outcome"]),
            policy_id=decision.get("policy_id"),
            reason=decision["reason"],
        )
