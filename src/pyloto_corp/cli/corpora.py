"""Annotated corpora (one JSON object per line) and the reports the eval commands print."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

from pyloto_corp.cli.inputs import InputError, read_lines, reason

Example = TypeVar("Example")
EXIT_BAD_INPUT = 2


def annotated(
    lines: Iterable[str], parse: Callable[[dict[str, Any], int], Example]
) -> Iterator[Example]:
    """Each non-blank line parsed; a bad one is a ValueError naming its line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse(json.loads(line), number)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"linha {number}: {reason(exc)}") from exc


def load(path: str, parse: Callable[[dict[str, Any], int], Example]) -> list[Example]:
    """The examples of ``path``; an ``InputError`` naming the file (and the line) otherwise."""
    lines = read_lines(path)
    try:
        return list(annotated(lines, parse))
    except ValueError as exc:
        raise InputError(f"{path}, {exc}") from exc


def publish(report: dict, path: str, out: TextIO, render: Callable | None) -> int:
    """JSON (the contract) or, with ``render``, the table for people."""
    if render is not None:
        render(report, lambda line: out.write(line + "\n"))
    else:
        out.write(json.dumps({"file": path, **report}, ensure_ascii=False, indent=2) + "\n")
    return 0
