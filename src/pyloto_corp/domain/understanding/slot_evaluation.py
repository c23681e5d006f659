"""How well values are read: per field, exact matches, false fills (a value where none was
said) and support, on the slot corpus (``corpus/slots/README.md``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

TARGET, MAX_FALSE_FILLS, MIN_SUPPORT = 0.90, 0.02, 20
ANYWHERE = "anywhere"


@dataclass(frozen=True, slots=True)
class SlotExample:
    """``field``: the field asked ("city"), or ``anywhere`` (expected: every field said)."""

    id: str
    field: str
    text: str
    expected: Any
    intent: str | None = None
    at: str | None = None  # when it was sent (ISO 8601); the corpus' moment when absent


def same(got: Any, expected: Any) -> bool:
    if isinstance(got, str) and isinstance(expected, str):
        return " ".join(got.split()) == " ".join(expected.split())
    return got == expected and type(got) is type(expected)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def checks(example: SlotExample, got: Mapping[str, Any], fields: Iterable[str]) -> list[tuple]:
    """(field, expected, got) for every field the example checks."""
    if example.field != ANYWHERE:
        return [(example.field, example.expected, got.get(example.field))]
    expected = example.expected or {}
    return [(f, expected.get(f), got.get(f)) for f in fields]


def evaluate_slots(
    read: Callable[[SlotExample], Mapping[str, Any]], examples: Iterable[SlotExample],
    fields: tuple[str, ...],
) -> dict:  # fmt: skip
    """``read``: the values read from an example's text, by field."""
    support, hits, nulls, false_fills = Counter(), Counter(), Counter(), Counter()
    records = 0
    for example in examples:
        records += 1
        for field, expected, got in checks(example, read(example), fields):
            if expected is None:
                nulls[field] += 1
                false_fills[field] += got is not None
            else:
                support[field] += 1
                hits[field] += same(got, expected)
    return _report(records, fields, (support, hits, nulls, false_fills))


def _report(records: int, fields: tuple[str, ...], counts: tuple[Counter, ...]) -> dict:
    support, hits, nulls, false_fills = counts
    rows = {
        f: {"exact": _ratio(hits[f], support[f]), "support": support[f],
            "false_fills": false_fills[f], "false_fill_rate": _ratio(false_fills[f], nulls[f]),
            "null_support": nulls[f]}
        for f in fields if support[f] or nulls[f]
    }  # fmt: skip
    measured = [r for r in rows.values() if r["support"] >= MIN_SUPPORT]
    filled = _ratio(sum(false_fills.values()), sum(nulls.values()))
    return {
        "records": records,
        "exact": _ratio(sum(hits.values()), sum(support.values())),
        "false_fill_rate": filled,
        "slots": rows,
        "target": {"exact": TARGET, "max_false_fill_rate": MAX_FALSE_FILLS,
                   "min_support": MIN_SUPPORT,
                   "met": all(r["exact"] >= TARGET for r in measured)
                   and filled <= MAX_FALSE_FILLS},
    }  # fmt: skip


def render_slots(report: dict, to_line: Callable[[str], None]) -> None:
    """A table for people (the JSON stays the contract)."""
    to_line(f"records: {report['records']}  exact: {report['exact']:.3f}  "
            f"false fills: {report['false_fill_rate']:.3f}")  # fmt: skip
    to_line(f"{'field':<14} exact  support  false fills")
    for field, row in report["slots"].items():
        mark = "" if row["support"] < MIN_SUPPORT else (
            " ok" if row["exact"] >= TARGET else " below target")  # fmt: skip
        to_line(f"{field:<14} {row['exact']:>5.3f} {row['support']:>8} "
                f"{row['false_fills']:>4}/{row['null_support']:<5}{mark}")  # fmt: skip
