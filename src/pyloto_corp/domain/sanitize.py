"""What of a message's text may be stored: normalized whitespace, bounded length.

Characters that let a text pass for more lines than it has, or show it reversed, are
neutralized (the same sets the exports neutralize again, see ``domain.export.neutral``):
line separators other than the newline (U+000B, U+000C, U+0085, U+2028, U+2029) become a
space, and the invisible bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
U+200F, U+061C) are removed.
"""

from __future__ import annotations

import re

TEXT_MAX_LEN = 4000
TRUNCATION_MARKER = "…[truncated]"

# Line breaks to some viewer (and to str.splitlines), other than "\n" and "\r".
LINE_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Bidirectional controls: embeddings, overrides, isolates and the directional marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_SEPARATOR = re.compile(f"[{LINE_SEPARATORS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def neutralize(text: str) -> str:
    """Line separators other than newlines become spaces; bidirectional controls go."""
    return _BIDI.sub("", _SEPARATOR.sub(" ", text))


def sanitize_text(text: str | None, max_len: int = TEXT_MAX_LEN) -> str | None:
    """Collapse runs of spaces, keep single blank lines, drop control characters.

    Text longer than ``max_len`` keeps its first ``max_len`` characters followed by
    the marker ``…[truncated]``. Empty text becomes None.
    """
    if text is None:
        return None
    unified = neutralize(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", _CONTROL.sub("", line)).strip() for line in unified.split("\n"))
    normalized = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not normalized:
        return None
    if len(normalized) > max_len:
        return normalized[:max_len] + TRUNCATION_MARKER
    return normalized
