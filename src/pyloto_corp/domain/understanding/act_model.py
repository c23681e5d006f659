"""A learned second opinion on the rules: one logistic score per act, from ``act_features``.

The rules stay the reading; the model only adds an act the rules missed when it is sure
(``adds``) and removes one the rules read when it is sure it is not there (``drops``), per
act thresholds chosen on held-out folds of the training split (never on dev). Weights are
data (``resources/language/acts_model.json``), learned by ``pyloto_corp.cli.train_acts``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.understanding.act_features import act_features
from pyloto_corp.domain.understanding.acts import Act, ReadingContext

ACTS = tuple(Act)


class ActModelError(DomainError):
    """The act model document does not fit the acts it claims to score."""


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@dataclass(frozen=True, slots=True)
class ActModel:
    bias: Mapping[Act, float]
    weights: Mapping[str, Mapping[Act, float]]
    adds: Mapping[Act, float]  # add an act the rules missed at this score or above
    drops: Mapping[Act, float]  # drop an act the rules read at this score or below

    def scores(self, found: Mapping[str, float]) -> dict[Act, float]:
        totals = dict(self.bias)
        for name, value in found.items():
            for act, weight in self.weights.get(name, {}).items():
                totals[act] += weight * value
        return {act: sigmoid(z) for act, z in totals.items()}

    def adjust(self, acts: frozenset[Act], found: Mapping[str, float]) -> frozenset[Act]:
        scores = self.scores(found)
        added = {a for a, t in self.adds.items() if a not in acts and scores[a] >= t}
        dropped = {a for a, t in self.drops.items() if a in acts and scores[a] <= t}
        kept = (acts | added) - dropped
        if acts and not kept:  # every turn does something: the likeliest of the rules' acts
            kept = {max(sorted(acts), key=scores.__getitem__)}
        return frozenset(kept)

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> ActModel:
        try:
            bias = {Act(k): float(v) for k, v in doc["bias"].items()}
            weights = {name: {Act(k): float(v) for k, v in row.items()}
                       for name, row in doc["weights"].items()}  # fmt: skip
            adds = {Act(k): float(v) for k, v in doc["adds"].items()}
            drops = {Act(k): float(v) for k, v in doc["drops"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ActModelError(f"malformed act model: {exc!r}") from exc
        if set(bias) != set(ACTS):
            raise ActModelError("the act model must score every act")
        return cls(bias, weights, adds, drops)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bias": {a.value: round(v, 4) for a, v in self.bias.items()},
            "adds": {a.value: v for a, v in self.adds.items()},
            "drops": {a.value: v for a, v in self.drops.items()},
            "weights": {name: {a.value: round(v, 4) for a, v in row.items()}
                        for name, row in sorted(self.weights.items())},
        }  # fmt: skip


def second_opinion(
    model: ActModel, acts: set[Act], words: tuple[str, ...], context: ReadingContext, text: str
) -> frozenset[Act]:
    """The rules' acts, adjusted where the model is sure (thresholds from held-out folds); an
    answer is never also a non-answer."""
    found = act_features(words, context, acts, question="?" in text)
    adjusted = set(model.adjust(frozenset(acts), found))
    if {Act.ANSWER, Act.NON_ANSWER} <= adjusted:  # free text the model doubts: no answer
        adjusted.discard(Act.ANSWER if context.slot_kind in FREE else Act.NON_ANSWER)
    return frozenset(adjusted)


FREE = (None, "text")  # "é complicado", "vou mandar um áudio": the rules take any words


_SPANISH = frozenset((
    "hola", "quiero", "necesito", "gracias", "buenas", "buenos", "usted", "ustedes", "hablar",
    "manana", "favor", "cuanto", "cuesta", "tienen", "hacen",
))  # fmt: skip


def language_of(acts: set[Act], language: str | None, words: tuple[str, ...]) -> str | None:
    """The language the rules found; for one only the model saw, a plain guess (es or en)."""
    if Act.OTHER_LANGUAGE not in acts or language is not None:
        return language
    return "es" if _SPANISH & set(words) else "en"
