"""Markdown writer: escaped inline values, verbatim texts in fences no text can close."""

from __future__ import annotations

import re

from pyloto_corp.domain.export.document import Document, Entry, Fields, Note, Part, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_BACKTICKS = re.compile(r"`+")
# Ids, hashes and codes go in code spans: copied from the raw file, they stay exact.
_IDENTIFIER = re.compile(r"[\w.:#=+/@*-]{8,}")


def inline(value: str) -> str:
    """One Markdown line that shows ``value`` literally (line breaks become <br>)."""
    return "<br>".join(_SPECIAL.sub(r"\\\1", line) for line in value.split("\n"))


def shown(value: str) -> str:
    return f"`{value}`" if _IDENTIFIER.fullmatch(value) else inline(value)


def fence_for(text: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    return "`" * max(3, longest + 1)


def _fields(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    return [f"- **{inline(label)}:** {shown(value)}" for label, value in pairs]


def _part(part: Part) -> list[str]:
    if isinstance(part, Fields):
        return [*_fields(part.pairs), ""]
    if isinstance(part, Table):
        lines = ["| " + " | ".join(inline(c) for c in part.columns) + " |",
                 "|" + "---|" * len(part.columns)]  # fmt: skip
        lines += ["| " + " | ".join(shown(c) for c in row) + " |" for row in part.rows]
        return [*lines, ""]
    if isinstance(part, Entry):
        lines = [f"### {inline(part.title)}", "", *_fields(part.fields), ""]
        if part.text is not None:
            fence = fence_for(part.text)
            lines += [fence + "text", part.text, fence, ""]
        return lines
    assert isinstance(part, Note)  # noqa: S101 - Part is a closed union
    return [inline(part.text), ""]


def write(document: Document) -> str:
    lines = [f"# {inline(document.title)}", ""]
    for section in document.sections:
        lines += [f"## {inline(section.title)}", ""]
        for part in section.parts:
            lines += _part(part)
    return "\n".join([*lines, "---", ""])
