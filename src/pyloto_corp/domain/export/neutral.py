"""Nothing in an export can break a line or reverse text where the export does not.

Every string of the document goes through ``text`` before a writer sees it: carriage
returns become newlines (which the writers handle: "| " prefix, Markdown fences), the
other line separators (``sanitize.LINE_SEPARATORS``) become a space, and each
bidirectional control (``sanitize.BIDI_CONTROLS``) is shown visibly as ``[U+202E]``, so
the reader sees it was there. Stored texts no longer hold them (``sanitize_text``); these
rules cover older records and every other field. An audit event's canonical JSON gets
JSON escapes instead (``\\u2028``): still the same JSON, so its hash can be checked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pyloto_corp.domain.export.document import Document, Entry, Fields, Note, Part, Section, Table
from pyloto_corp.domain.sanitize import BIDI_CONTROLS, LINE_SEPARATORS

_SEPARATOR = re.compile(f"[{LINE_SEPARATORS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_JSON_UNSAFE = re.compile(f"[{LINE_SEPARATORS}{BIDI_CONTROLS}]")


def visible(char: str) -> str:
    return f"[U+{ord(char):04X}]"


def text(value: str) -> str:
    """One value as the export shows it: no line break but "\\n", no bidi control."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _BIDI.sub(lambda m: visible(m.group(0)), _SEPARATOR.sub(" ", value))


def json_text(value: str) -> str:
    """JSON text with those characters as JSON escapes (they only occur inside strings)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", value)


def _pairs(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((text(label), text(value)) for label, value in pairs)


def _part(part: Part) -> Part:
    if isinstance(part, Fields):
        return Fields(_pairs(part.pairs))
    if isinstance(part, Table):
        rows = tuple(tuple(text(cell) for cell in row) for row in part.rows)
        return Table(tuple(text(c) for c in part.columns), rows)
    if isinstance(part, Entry):
        body = None if part.text is None else text(part.text)
        return replace(part, title=text(part.title), fields=_pairs(part.fields), text=body)
    assert isinstance(part, Note)  # noqa: S101 - Part is a closed union
    return Note(text(part.text))


def document(doc: Document) -> Document:
    sections = tuple(Section(text(s.title), tuple(_part(p) for p in s.parts)) for s in doc.sections)
    return Document(text(doc.title), sections)
