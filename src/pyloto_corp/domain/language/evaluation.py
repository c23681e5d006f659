"""Classifier evaluation: accuracy, per-intent precision/recall, confusion, calibration.

Calibration is shown twice: the expected calibration error (ten equal bins) and a
reliability table (coarse bins where the engine's thresholds sit, 0.5 … 0.9) with the share
of wrong answers the classifier was sure of (confidence above ``SURE``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.ports import IntentClassifier

BINS = 10
EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # reliability bins: [0.0, 0.5), …, [0.9, 1.0]
SURE = 0.8


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
    answers: tuple[tuple[float, bool], ...] = ()  # (confidence, right) per example

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

    @property
    def wrong_sure_share(self) -> float:
        """Among wrong answers, the share given with confidence above ``SURE``."""
        wrong = [c for c, ok in self.answers if not ok]
        return sum(c > SURE for c in wrong) / len(wrong) if wrong else 0.0

    def reliability(self) -> list[tuple[float, float, int, float, float]]:
        """Per bin: lower edge, upper edge, count, accuracy, mean confidence."""
        rows = []
        for low, high in pairwise(EDGES):
            last = high == EDGES[-1]
            inside = [(c, ok) for c, ok in self.answers if low <= c < high or (last and c == high)]
            n = len(inside)
            accuracy = sum(ok for _, ok in inside) / n if n else 0.0
            mean = sum(c for c, _ in inside) / n if n else 0.0
            rows.append((low, high, n, accuracy, mean))
        return rows


def evaluate(classifier: IntentClassifier, examples: Iterable[Example]) -> Evaluation:
    confusion: Counter[tuple[Intent, Intent]] = Counter()
    bins: dict[int, list[tuple[float, bool]]] = {}
    answers = []
    for example in examples:
        result = classifier.classify(example.text)
        confusion[(example.intent, result.intent)] += 1
        slot = min(int(result.confidence * BINS), BINS - 1)
        answer = (result.confidence, result.intent is example.intent)
        bins.setdefault(slot, []).append(answer)
        answers.append(answer)
    total = sum(confusion.values())
    correct = sum(n for (gold, guess), n in confusion.items() if gold is guess)
    gap = sum(abs(sum(c for c, _ in v) - sum(ok for _, ok in v)) for v in bins.values())
    ece = gap / total if total else 0.0
    return Evaluation(total, correct, dict(confusion), ece, tuple(answers))


def render_reliability(evaluation: Evaluation) -> list[str]:
    """The reliability table: is a 0.9 right nine times in ten?"""
    wrong = evaluation.total - evaluation.correct
    sure = round(evaluation.wrong_sure_share * wrong)
    lines = [
        "reliability (confidence bins)",
        f"{'bin':<12}{'count':>7}{'accuracy':>10}{'mean conf':>11}",
    ]
    for low, high, n, accuracy, mean in evaluation.reliability():
        lines.append(f"{low:.1f}-{high:.1f}{'':<5}{n:>7}{accuracy:>10.3f}{mean:>11.3f}")
    lines.append(
        f"wrong answers above {SURE:.2f}: {evaluation.wrong_sure_share:.3f} ({sure}/{wrong})"
    )
    return lines


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
    return "\n".join([*lines, "", *render_reliability(evaluation)])
