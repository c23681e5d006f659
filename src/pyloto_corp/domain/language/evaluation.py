"""Classifier evaluation: accuracy, per-intent precision/recall, confusion matrix, calibration."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.ports import IntentClassifier

BINS = 10


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    intent: Intent


@dataclass(frozen=True, slots=True)
class Evaluation:
    total: int
    correct: int
    confusion: dict[tuple[Intent, Intent], int]
    calibration_error: float

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def support(self, intent: Intent) -> int:
        return sum(n for (gold, _), n in self.confusion.items() if gold is intent)

    def predicted(self, intent: Intent) -> int:
        return sum(n for (_, guess), n in self.confusion.items() if guess is intent)

    def precision(self, intent: Intent) -> float:
        hits, guessed = self.confusion.get((intent, intent), 0), self.predicted(intent)
        return hits / guessed if guessed else 0.0

    def recall(self, intent: Intent) -> float:
        hits, support = self.confusion.get((intent, intent), 0), self.support(intent)
        return hits / support if support else 0.0


def evaluate(classifier: IntentClassifier, examples: Iterable[Example]) -> Evaluation:
    confusion: Counter[tuple[Intent, Intent]] = Counter()
    bins: dict[int, list[tuple[float, bool]]] = {}
    for example in examples:
        result = classifier.classify(example.text)
        confusion[(example.intent, result.intent)] += 1
        slot = min(int(result.confidence * BINS), BINS - 1)
        bins.setdefault(slot, []).append((result.confidence, result.intent is example.intent))
    total = sum(confusion.values())
    correct = sum(n for (gold, guess), n in confusion.items() if gold is guess)
    gap = sum(abs(sum(c for c, _ in v) - sum(ok for _, ok in v)) for v in bins.values())
    return Evaluation(total, correct, dict(confusion), gap / total if total else 0.0)


def render(evaluation: Evaluation) -> str:
    """The report ops read: accuracy, one row per intent, the confusion matrix, ECE."""
    intents = list(Intent)
    lines = [
        f"accuracy: {evaluation.accuracy:.4f} ({evaluation.correct}/{evaluation.total})",
        f"expected calibration error: {evaluation.calibration_error:.4f}",
        "",
        f"{'intent':<32}{'precision':>10}{'recall':>10}{'support':>9}",
    ]
    for intent in intents:
        lines.append(
            f"{intent.value:<32}{evaluation.precision(intent):>10.3f}"
            f"{evaluation.recall(intent):>10.3f}{evaluation.support(intent):>9}"
        )
    short = [f"{i:>4}" for i in range(len(intents))]
    lines += ["", "confusion (rows: expected, columns: predicted)", " " * 36 + "".join(short)]
    for row, gold in enumerate(intents):
        cells = "".join(f"{evaluation.confusion.get((gold, g), 0):>4}" for g in intents)
        lines.append(f"{row:>2} {gold.value:<33}{cells}")
    return "\n".join(lines)
