"""Plain-text writer: labelled lines; verbatim texts prefixed with "| " so none can pass for
the export's own lines."""

from __future__ import annotations

from pyloto_corp.domain.export.document import Document, Entry, Fields, Note, Part, Table

INDENT = "    "
RULE = "-" * 72


def _value(value: str, indent: str) -> str:
    """Continuation lines of a multi-line value are indented under their label."""
    return ("\n" + indent + INDENT).join(value.split("\n"))


def _fields(pairs: tuple[tuple[str, str], ...], indent: str = "") -> list[str]:
    return [f"{indent}{label}: {_value(value, indent)}" for label, value in pairs]


def _part(part: Part) -> list[str]:
    if isinstance(part, Fields):
        return [*_fields(part.pairs), ""]
    if isinstance(part, Table):
        rows = [part.columns, *part.rows]
        return [*(" | ".join(_value(cell, INDENT) for cell in row) for row in rows), ""]
    if isinstance(part, Entry):
        lines = [f"[{part.title}]", *_fields(part.fields, INDENT)]
        if part.text is not None:
            lines += [f"{INDENT}| {line}" for line in part.text.split("\n")]
        return [*lines, ""]
    assert isinstance(part, Note)  # noqa: S101 - Part is a closed union
    return [part.text, ""]


def write(document: Document) -> str:
    lines = [document.title.upper(), "=" * len(document.title), ""]
    for section in document.sections:
        lines += [section.title.upper(), "-" * len(section.title), ""]
        for part in section.parts:
            lines += _part(part)
    return "\n".join([*lines, RULE, ""])
