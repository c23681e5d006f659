"""Self-corrections inside one message ("são 10, não pera, 12", "sou de Maringá, quer dizer,
moro em Sarandi"): what follows the last marker is what the person means."""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"(?:^|[\s,.;!]+)(?:n[aã]o,?\s+(?:pera[ií]?|espera|perai)|n[aã]o\s*,|quer dizer|ou melhor|"
    r"na verdade|digo|corrigindo|errei)\b[\s,:;.!]*",
    re.IGNORECASE,
)


def self_corrected(text: str) -> tuple[str, str] | None:
    """(what was said first, what replaces it) at the last marker, or None without one."""
    found = None
    for found in _MARKER.finditer(text):  # noqa: B007 - the last marker counts
        pass
    if found is None or not text[found.end() :].strip() or not text[: found.start()].strip():
        return None
    return text[: found.start()], text[found.end() :]
