"""Why an operator asks (an export, an LGPD request): one rule, published and enforced.

The ops API publishes ``REASON_PATTERN`` in its OpenAPI document and the application
checks every reason with the same pattern, so a reason a client validates against the
document is accepted by the service, and the other way round. A JSON Schema ``pattern``
is searched, not anchored (``re.search``). The pattern avoids ``\\s`` and ``\\S``: their
meaning differs between regex engines (ECMAScript's, the one JSON Schema validators
follow, does not count U+0085 as blank; Python's does not count U+FEFF), so the blanks
are spelled out as ``\\uXXXX`` escapes, which every engine reads the same way.
"""

from __future__ import annotations

import re

MAX_REASON = 500
# Blank to either engine: Python's str.isspace() and ECMAScript's \s, together.
BLANKS = (
    r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a"
    r"\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# The whole rule (with the length): at least one character that is not blank.
REASON_PATTERN = f"[^{BLANKS}]"
_REASON = re.compile(REASON_PATTERN)


def is_valid_reason(reason: str) -> bool:
    """What the published schema accepts: up to MAX_REASON characters, one of them not blank."""
    return len(reason) <= MAX_REASON and _REASON.search(reason) is not None
