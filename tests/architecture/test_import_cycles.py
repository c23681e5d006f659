"""No import cycles: between modules anywhere, and between the application's capabilities."""

from __future__ import annotations

import grimp
import pytest

ROOT = "pyloto_corp"
APPLICATION = f"{ROOT}.application"
CAPABILITIES = ("inbound", "replies", "records", "privacy", "media", "handoffs")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(ROOT)  # TYPE_CHECKING imports count too


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    """The finder itself: a loop of three is one group; a chain is none."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}}) == []


def test_no_module_imports_itself_back(graph) -> None:
    """A module never reaches itself through its imports (engine helpers never import the
    machine that composes them)."""
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _cycles(edges) == []


def test_capabilities_depend_one_way(graph) -> None:
    """inbound, replies, records, privacy and media import each other without cycles."""
    edges: dict[str, set[str]] = {c: set() for c in CAPABILITIES}
    for module in graph.modules:
        source = _capability(module)
        for imported in graph.find_modules_directly_imported_by(module):
            target = _capability(imported)
            if source and target and source != target:
                edges[source].add(target)
    assert _cycles(edges) == [], edges


def test_application_files_live_in_capability_folders(graph) -> None:
    """Only the shared part (ports, errors, ids, storage) sits at application's top level."""
    top = {m.rsplit(".", 1)[1] for m in graph.find_children(APPLICATION)}
    assert top == {*CAPABILITIES, "ports", "errors", "ids", "storage"}


def _capability(module: str) -> str | None:
    parts = module.split(".")
    if module.startswith(APPLICATION + ".") and parts[2] in CAPABILITIES:
        return parts[2]
    return None
