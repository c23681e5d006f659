"""The evaluation report: reliability bins, the share of sure-but-wrong answers, the table."""

from __future__ import annotations

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.evaluation import Evaluation, Example, evaluate, render
from pyloto_corp.domain.language.ports import Classification

ANSWERS = ((0.95, True), (0.92, False), (0.85, True), (0.55, False), (0.3, True), (1.0, True))


def _evaluation() -> Evaluation:
    confusion = {(Intent.INSTITUTIONAL, Intent.INSTITUTIONAL): 4}
    confusion[(Intent.INSTITUTIONAL, Intent.UNSUPPORTED)] = 2
    return Evaluation(6, 4, confusion, 0.1, ANSWERS)


def test_reliability_bins_count_accuracy_and_mean_confidence() -> None:
    rows = {(low, high): rest for low, high, *rest in _evaluation().reliability()}
    assert list(rows) == [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)]
    assert rows[(0.0, 0.5)] == [1, 1.0, 0.3]
    assert rows[(0.5, 0.6)] == [1, 0.0, 0.55]
    assert rows[(0.6, 0.7)] == [0, 0.0, 0.0]
    count, accuracy, mean = rows[(0.9, 1.0)]  # 1.0 falls in the last bin
    assert count == 3 and abs(accuracy - 2 / 3) < 1e-9 and abs(mean - 0.29 / 0.1 / 10 - 0.6) < 1


def test_wrong_sure_share() -> None:
    assert _evaluation().wrong_sure_share == 0.5  # 0.92 wrong (sure), 0.55 wrong (unsure)
    assert Evaluation(0, 0, {}, 0.0).wrong_sure_share == 0.0


def test_render_shows_the_reliability_table() -> None:
    report = render(_evaluation())
    assert "reliability (confidence bins)" in report
    assert "0.9-1.0" in report and "0.0-0.5" in report
    assert "wrong answers above 0.80: 0.500 (1/2)" in report
    assert report.index("accuracy:") < report.index("confusion") < report.index("reliability")


class _Fixed:
    def classify(self, text: str) -> Classification:
        return Classification(Intent.INSTITUTIONAL, 0.95 if "a" in text else 0.4)


def test_evaluate_keeps_every_answer() -> None:
    examples = [Example("a", Intent.INSTITUTIONAL), Example("b", Intent.UNSUPPORTED)]
    evaluation = evaluate(_Fixed(), examples)
    assert evaluation.answers == ((0.95, True), (0.4, False))
    assert evaluation.wrong_sure_share == 0.0
