"""How well turns are read: per-act precision, recall and support, macro averages, confusion."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pyloto_corp.domain.understanding.acts import Act, ReadingContext
from pyloto_corp.domain.understanding.reader import TurnReader

TARGET, MIN_SUPPORT = 0.90, 20


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    context: ReadingContext
    acts: frozenset[Act]


def _ratio(hit: int, total: int) -> float:
    return round(hit / total, 4) if total else 0.0


def evaluate(reader: TurnReader, examples: Iterable[Example]) -> dict:
    """Multi-label: a turn's acts are compared as sets; a miss counts against what was read."""
    hits: Counter[Act] = Counter()
    said: Counter[Act] = Counter()
    expected: Counter[Act] = Counter()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    turns = exact = 0
    for example in examples:
        got = reader.read(example.text, example.context).acts
        turns, exact = turns + 1, exact + (got == example.acts)
        hits.update(got & example.acts)
        said.update(got)
        expected.update(example.acts)
        for missed in example.acts - got:
            for instead in (got - example.acts) or {"none"}:
                confusion[missed][str(instead)] += 1
    return _report((turns, exact), hits, said, expected, confusion)


def _report(
    counts: tuple[int, int], hits: Counter[Act], said: Counter[Act], expected: Counter[Act],
    confusion: dict[str, Counter[str]],
) -> dict:  # fmt: skip
    turns, exact = counts
    acts = {
        act.value: {"precision": _ratio(hits[act], said[act]),
                    "recall": _ratio(hits[act], expected[act]), "support": expected[act]}
        for act in Act if expected[act] or said[act]
    }  # fmt: skip
    supported = [r for r in acts.values() if r["support"]]
    measured = [r for r in supported if r["support"] >= MIN_SUPPORT]
    return {
        "turns": turns,
        "exact_match": _ratio(exact, turns),
        "acts": acts,
        "macro": {
            "precision": round(sum(r["precision"] for r in supported) / len(supported), 4),
            "recall": round(sum(r["recall"] for r in supported) / len(supported), 4),
        } if supported else {"precision": 0.0, "recall": 0.0},
        "target": {"precision": TARGET, "recall": TARGET, "min_support": MIN_SUPPORT,
                   "met": all(min(r["precision"], r["recall"]) >= TARGET for r in measured)},
        "confusion": {k: dict(v.most_common()) for k, v in sorted(confusion.items())},
    }  # fmt: skip


def render(report: dict, to_line: Callable[[str], None]) -> None:
    """A table for people (the JSON stays the contract)."""
    to_line(f"turns: {report['turns']}  exact match: {report['exact_match']:.3f}")
    to_line(f"{'act':<18} precision  recall  support")
    for act, row in report["acts"].items():
        met = min(row["precision"], row["recall"]) >= TARGET
        mark = "" if row["support"] < MIN_SUPPORT else (" ok" if met else " below target")
        to_line(f"{act:<18} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['support']:>8}"
                f"{mark}")  # fmt: skip
    macro = report["macro"]
    to_line(f"{'macro':<18} {macro['precision']:>9.3f} {macro['recall']:>7.3f}")
