"""Render a conversation snapshot as TXT or MD, ending in the SHA-256 of what precedes it.

The same snapshot and options always give the same bytes: every list is sorted by a
total order, every time is shown in the export's zone, and nothing reads a clock.
"""

from __future__ import annotations

import hashlib

from pyloto_corp.domain.export import markdown, neutral, plaintext, summary, trail
from pyloto_corp.domain.export.document import Document
from pyloto_corp.domain.export.model import (
    ConversationSnapshot,
    ExportFormat,
    ExportOptions,
    RenderedExport,
)

TITLE = "Histórico de conversa — export forense Pyloto"
FOOTER_LABEL = "SHA-256 do conteúdo acima"


def build_document(snap: ConversationSnapshot, opts: ExportOptions) -> Document:
    """Every string already neutral: no line break but the newline, no bidi control."""
    sections = (
        summary.overview(snap, opts),
        summary.collected(snap, opts),
        trail.messages(snap, opts),
        trail.audit_trail(snap, opts),
        trail.verification(snap),
    )
    return neutral.document(Document(TITLE, sections))


def render(snap: ConversationSnapshot, opts: ExportOptions) -> RenderedExport:
    """The file: the document, then one footer line with the SHA-256 of every line above."""
    writer = markdown.write if opts.format is ExportFormat.MD else plaintext.write
    body = writer(build_document(snap, opts)).encode("utf-8")
    content_sha256 = hashlib.sha256(body).hexdigest()
    data = body + f"{FOOTER_LABEL}: {content_sha256}\n".encode()
    return RenderedExport(data, hashlib.sha256(data).hexdigest(), content_sha256)


def footer_matches(data: bytes) -> bool:
    """True when the last line names the SHA-256 of everything before it (verification aid)."""
    body, _, last = data.rstrip(b"\n").rpartition(b"\n")
    expected = hashlib.sha256(body + b"\n").hexdigest()
    return last.decode("utf-8", "replace") == f"{FOOTER_LABEL}: {expected}"
