"""Annotated corpora (one JSON object per line) and the reports the eval commands print."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO, TypeVar

Example = TypeVar("Example")
EXIT_BAD_INPUT = 2


def annotated(source: TextIO, parse: Callable[[dict[str, Any], int], Example]) -> Iterator[Example]:
    """Each non-blank line parsed; a bad one is a ValueError naming its line."""
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            yield parse(json.loads(line), number)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"line {number}: {exc}") from exc


def load(path: str, parse: Callable[[dict[str, Any], int], Example]) -> list[Example]:
    with open(path, encoding="utf-8") as source:
        return list(annotated(source, parse))


def publish(report: dict, path: str, out: TextIO, render: Callable | None) -> int:
    """JSON (the contract) or, with ``render``, the table for people."""
    if render is not None:
        render(report, lambda line: out.write(line + "\n"))
    else:
        out.write(json.dumps({"file": path, **report}, ensure_ascii=False, indent=2) + "\n")
    return 0
