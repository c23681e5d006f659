"""Why an operator asks (an export, an LGPD request): one rule, published and enforced.

The ops API publishes ``REASON_PATTERN`` in its OpenAPI document and the application
checks every reason with the same pattern, so a reason a client validates against the
document is accepted by the service, and the other way round. A JSON Schema ``pattern``
is searched, not anchored (``re.search``); this one anchors itself with ``^``. It avoids
``\\s``, ``\\d``, ``\\w``, ``.`` and ``$``: their meaning differs between regex engines
(ECMAScript's, the one JSON Schema validators follow, does not count U+0085 as blank;
Python's does not count U+FEFF; Python's ``$`` also matches before a final newline), so
every class is spelled out with ``\\uXXXX`` escapes, which every engine reads the same way.

A reason goes to the audit trail, which is kept after an erasure: it must hold no
personal data and stay on one line. So it is refused when it has a line break, a line
separator or a bidirectional control, an e-mail address (``x@y.z``), or a run of 8 to 15
digits (a phone, a CPF or a CNPJ; the run may have spaces, dots, hyphens or parentheses
between its digits, at most two in a row). Longer runs (a court case number has 20
digits), dates as 23/11/2026 and short numbers ("processo 123") are accepted.
"""

from __future__ import annotations

import re
from enum import StrEnum

MAX_REASON = 500
# Blank to either engine: Python's str.isspace() and ECMAScript's \s, together.
BLANKS = (
    r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a"
    r"\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# Line breaks to any engine or viewer, and the bidirectional controls (never in a reason).
BREAKS = r"\u000a-\u000d\u001c-\u001e\u0085\u2028\u2029"
BIDI = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
FORBIDDEN = BREAKS + BIDI
# What may sit between the digits of a phone or document number.
_SEP = r"[\u0020\u0009\u00a0().\u002d]"
_DIGIT = "[0-9]"
DIGIT_RUN = (
    rf"(?<!{_DIGIT})(?<!{_DIGIT}{_SEP})(?<!{_DIGIT}{_SEP}{_SEP})"
    rf"{_DIGIT}(?:{_SEP}{{0,2}}{_DIGIT}){{7,14}}(?!{_SEP}{{0,2}}{_DIGIT})"
)
EMAIL = rf"[^{BLANKS}@]@[^{BLANKS}@]+[.][^{BLANKS}@.]"
PERSONAL = f"(?:{DIGIT_RUN}|{EMAIL})"
# The whole rule (with the length): one line, no personal data, one character not blank.
REASON_PATTERN = (
    f"^(?![^{FORBIDDEN}]*[{FORBIDDEN}])(?![^{FORBIDDEN}]*{PERSONAL})[^{FORBIDDEN}]*[^{BLANKS}]"
)
_REASON = re.compile(REASON_PATTERN)
_FORBIDDEN = re.compile(f"[{FORBIDDEN}]")
_PERSONAL = re.compile(PERSONAL)
_WORD = re.compile(f"[^{BLANKS}]")


class ReasonProblem(StrEnum):
    LENGTH = "length"
    BLANK = "blank"
    MULTILINE = "multiline"
    PERSONAL_DATA = "personal_data"


def reason_problem(reason: str) -> ReasonProblem | None:
    """Which part of the rule ``reason`` breaks (None: the published pattern accepts it)."""
    if not 0 < len(reason) <= MAX_REASON:
        return ReasonProblem.LENGTH
    if _FORBIDDEN.search(reason):
        return ReasonProblem.MULTILINE
    if _PERSONAL.search(reason):
        return ReasonProblem.PERSONAL_DATA
    if not _WORD.search(reason):
        return ReasonProblem.BLANK
    return None


def is_valid_reason(reason: str) -> bool:
    """What the published schema accepts: up to MAX_REASON characters, matching the pattern."""
    return len(reason) <= MAX_REASON and _REASON.search(reason) is not None
