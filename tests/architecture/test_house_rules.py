"""House rules measured on the source tree (regras_e_padroes.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.support.compliance import rules

SRC = Path(__file__).resolve().parents[2] / "src" / "pyloto_corp"
MAX_FILE_LINES = 200
MAX_FUNCTION_LINES = 50
SOURCES = sorted(SRC.rglob("*.py"))
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}
EVENT_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
FORBIDDEN_DOMAIN_CALLS = {
    ("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("time", "time"),
    ("time", "monotonic"), ("uuid", "uuid4"), ("random", "random"), ("os", "getenv"),
}  # fmt: skip


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_sources_exist():
    """The rules below measure something."""
    assert len(SOURCES) > 20


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_file_has_at_most_200_lines(path):
    """No file under src/ exceeds 200 lines."""
    assert rules.line_count(path) <= MAX_FILE_LINES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_functions_have_at_most_50_lines(path):
    """No function or method under src/ exceeds 50 lines."""
    too_long = [
        f"{name}:{line} ({size} lines)"
        for name, line, size in rules.functions_of(path)
        if size > MAX_FUNCTION_LINES
    ]
    assert too_long == []


def _domain_clock_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if (name, node.func.attr) in FORBIDDEN_DOMAIN_CALLS:
                found.append(f"{name}.{node.func.attr}:{node.lineno}")
        is_name_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_name_call and node.func.id in {"open", "print", "input"}:
            found.append(f"{node.func.id}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", sorted((SRC / "domain").rglob("*.py")), ids=lambda p: p.name)
def test_domain_reads_no_clock_randomness_or_io(path):
    """Time, ids and I/O are injected into the domain, never taken from the machine."""
    assert _domain_clock_calls(path) == []


def _log_calls(tree: ast.Module):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOG_METHODS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "log"
        ):
            yield node


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_log_calls_use_dotted_literal_events(path):
    """Events are dotted literals (no f-strings, no text): content goes in named fields only."""
    bad = []
    for call in _log_calls(_tree(path)):
        first = call.args[0] if call.args else None
        literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
        if len(call.args) != 1 or not literal or not EVENT_NAME.match(first.value):
            bad.append(call.lineno)
    assert bad == []
