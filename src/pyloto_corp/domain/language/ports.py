"""The classifier port: any implementation (lexicon, statistical, LLM) answers the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.intents import Intent


@dataclass(frozen=True, slots=True)
class Classification:
    """The most likely intent, how sure we are (calibrated, in [0, 1]) and other needs seen."""

    intent: Intent
    confidence: float
    secondary: tuple[Intent, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise DomainError("confidence must be within [0, 1]")
        if self.intent in self.secondary:
            raise DomainError("the main intent is not a secondary one")


class IntentClassifier(Protocol):
    def classify(self, text: str) -> Classification: ...
