"""What of a message's text may be stored: normalized whitespace, bounded length."""

from __future__ import annotations

import re

TEXT_MAX_LEN = 4000
TRUNCATION_MARKER = "…[truncated]"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def sanitize_text(text: str | None, max_len: int = TEXT_MAX_LEN) -> str | None:
    """Collapse runs of spaces, keep single blank lines, drop control characters.

    Text longer than ``max_len`` keeps its first ``max_len`` characters followed by
    the marker ``…[truncated]``. Empty text becomes None.
    """
    if text is None:
        return None
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", _CONTROL.sub("", line)).strip() for line in unified.split("\n"))
    normalized = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not normalized:
        return None
    if len(normalized) > max_len:
        return normalized[:max_len] + TRUNCATION_MARKER
    return normalized
