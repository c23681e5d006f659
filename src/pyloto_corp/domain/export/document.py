"""A format-neutral export document; ``markdown`` and ``plaintext`` write it out."""

from __future__ import annotations

from dataclasses import dataclass

Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled values, one per line."""

    pairs: Pairs


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """A numbered item (a message, an audit event) whose ``text`` is reproduced verbatim."""

    title: str
    fields: Pairs
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    text: str


Part = Fields | Table | Entry | Note


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    sections: tuple[Section, ...]
