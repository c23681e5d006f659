"""``pyloto-corp classify``: JSON lines in → intents out, or ``--eval FILE.jsonl`` for a report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from pyloto_corp.adapters.language.resources import bundled_classifier
from pyloto_corp.cli.inputs import InputError, read_lines, reason
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.evaluation import Example, evaluate, render

EXIT_BAD_INPUT = 2


class BadExample(ValueError):
    pass


def classify_stream(source: TextIO, sink: TextIO) -> int:
    """One JSON object per input line, in order (an empty line is classified as empty text)."""
    classifier = bundled_classifier()
    for line in source:
        text = line.rstrip("\r\n")
        result = classifier.classify(text)
        row = {
            "text": text,
            "intent": result.intent.value,
            "confidence": result.confidence,
            "secondary": [intent.value for intent in result.secondary],
        }
        sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def read_examples(source: Iterable[str]) -> Iterator[Example]:
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield Example(str(row["text"]), Intent(row["intent"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise BadExample(
                f"linha {number}: {reason(exc)} (esperado {{'text', 'intent'}} válido)"
            ) from exc


def evaluate_file(path: str, sink: TextIO) -> int:
    try:
        examples = list(read_examples(read_lines(path)))
    except (InputError, BadExample) as exc:
        where = "" if isinstance(exc, InputError) else f"{path}, "
        print(f"pyloto-corp classify: {where}{exc}", file=sys.stderr)  # noqa: T201 - CLI output
        return EXIT_BAD_INPUT
    sink.write(render(evaluate(bundled_classifier(), examples)) + "\n")
    return 0
