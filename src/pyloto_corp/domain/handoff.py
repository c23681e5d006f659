"""ConversationHandoff: what a human receives when the bot hands a contact over."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.qualification import QualificationLevel


@dataclass(frozen=True, slots=True)
class ConversationHandoff:
    """Every field of seed 001's ConversationHandoff; ``confidence`` is never shown to people."""

    intent_primary: Intent
    intents_detected: tuple[Intent, ...]
    resolved_intents: tuple[Intent, ...]
    open_intents: tuple[Intent, ...]
    summary: str = field(repr=False)
    requirements: dict[str, Any] = field(repr=False)
    deadline: str | None
    routing: str
    confidence: float | None
    qualification_level: QualificationLevel
    qualification_reasons: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.intent_primary not in self.intents_detected:
            raise DomainError("the primary intent must be among the detected ones")
        if set(self.resolved_intents) & set(self.open_intents):
            raise DomainError("an intent cannot be both resolved and open")
        if not self.routing or not self.summary:
            raise DomainError("a handoff needs a summary and a routing target")

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent_primary": self.intent_primary.value,
            "intents_detected": [i.value for i in self.intents_detected],
            "resolved_intents": [i.value for i in self.resolved_intents],
            "open_intents": [i.value for i in self.open_intents],
            "summary": self.summary,
            "requirements": dict(self.requirements),
            "deadline": self.deadline,
            "routing": self.routing,
            "confidence": self.confidence,
            "qualification_level": self.qualification_level.value,
            "qualification_reasons": list(self.qualification_reasons),
        }


def handoff_ids(session_id: str, count: int) -> tuple[str, ...]:
    """The ids of a session's handoffs (one per team), the same on every retry."""
    return tuple(f"{session_id}-{n}" for n in range(1, count + 1))
