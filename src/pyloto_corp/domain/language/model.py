"""A linear (softmax) layer over the lexicon: words, stems, word pairs and the cue scores.

The weights are learned from ``corpus/intents/train.jsonl`` (see ``training``) and shipped
inside the lexicon document, so the classifier stays data plus a few dictionary lookups.
``temperature`` is fitted on held-out folds of the training split: it turns the logits
into confidences that mean what they say (a 0.9 is right about nine times in ten).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.intents import Intent

STEM = 5  # a word longer than this also counts by its first five letters ("entreg…")
LEXICON_SCALE = 0.2  # cue scores are ~0-10; features are ~0-2
CUE = "x:"


class ModelError(DomainError):
    """The learned weights do not fit the intents they claim to score."""


def word_features(words: Sequence[str]) -> dict[str, float]:
    """``w:`` words, ``s:`` stems, ``b:`` pairs: what a learned layer sees of the text."""
    found: dict[str, float] = {}
    for i, word in enumerate(words):
        found["w:" + word] = 1.0
        if len(word) > STEM:
            found["s:" + word[:STEM]] = 1.0
        if i:
            found["b:" + words[i - 1] + "_" + word] = 1.0
    return found


def features(words: list[str], lexicon_scores: Mapping[Intent, float]) -> dict[str, float]:
    """Sparse features: the words (``word_features``) and ``x:`` cue scores."""
    found = word_features(words)
    for intent, score in lexicon_scores.items():
        found[CUE + intent.value] = score * LEXICON_SCALE
    return found


def softmax(logits: list[float], temperature: float = 1.0) -> list[float]:
    top = max(logits)
    exps = [math.exp((z - top) / temperature) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


@dataclass(frozen=True, slots=True)
class LinearModel:
    intents: tuple[Intent, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    temperature: float

    def logits(self, found: Mapping[str, float]) -> list[float]:
        totals = list(self.bias)
        width = range(len(totals))
        for name, value in found.items():
            row = self.weights.get(name)
            if row is not None:
                for k in width:
                    totals[k] += row[k] * value
        return totals

    def knows(self, found: Iterable[str]) -> bool:
        """Whether any feature carries learned evidence (not only the per-intent bias)."""
        return any(name in self.weights for name in found)

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        return {
            "intents": [i.value for i in self.intents],
            "temperature": round(self.temperature, digits),
            "bias": [round(b, digits) for b in self.bias],
            "weights": {
                name: [round(w, digits) for w in row] for name, row in sorted(self.weights.items())
            },
        }

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> LinearModel:
        intents = tuple(Intent(name) for name in doc["intents"])
        width = len(intents)
        bias = tuple(float(b) for b in doc["bias"])
        weights = {str(k): tuple(float(w) for w in row) for k, row in doc["weights"].items()}
        temperature = float(doc["temperature"])
        if set(intents) != set(Intent) or len(bias) != width or temperature <= 0:
            raise ModelError("the model must score every intent once, with a positive temperature")
        if any(len(row) != width for row in weights.values()):
            raise ModelError("every weight row needs one weight per intent")
        return cls(intents, bias, weights, temperature)
