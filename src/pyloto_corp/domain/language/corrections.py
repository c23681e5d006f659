"""Self-corrections inside one message ("são 10, não pera, 12", "sou de Maringá, quer dizer,
moro em Sarandi"): what follows the last marker is what the person means."""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"(?:^|[\s,.;!]+)(?:(?:n[aã]o,?\s+(?:pera[ií]?|espera|perai)|quer dizer|ou melhor|"
    r"melhor dizendo|na verdade|digo|corrigindo|errei|pensando bem|ali[aá]s|o+ps+)\b|n[aã]o\s*,)"
    r"[\s,:;.!]*",
    re.IGNORECASE,
)
# The figure that replaces another ("10 mil, não, 12"): its words and scale come from before.
_FIGURE = re.compile(r"^\s*(?:(?:uns|umas|tipo|cerca de|uns? \w+)\s+)?(\d[\d.,]*)(\s*(?:mil|k)\b)?",
                     re.IGNORECASE)  # fmt: skip
_SCALED = re.compile(r"\d[\d.,]*\s*(?:mil|k)\b", re.IGNORECASE)
_BARE = re.compile(r"^(?:é|e|eh|s[aã]o)\s+(\d+)(?=\s*(?:[.!;]|$))", re.IGNORECASE)
_CLAUSES = re.compile(r"[,.;!?]")
_NOUN = re.compile(r"\d[\d.,]*(?:\s*(?:mil|k)\b)?\s+([^\W\d_]{3,})\s*$", re.IGNORECASE)
_ALONE = re.compile(r"\s*(?:[,.;!?]|$)")  # a bare figure: "12," "12."
_NOT_BUT = re.compile(
    r"\bn[aã]o (?:é|e|eh|s[aã]o) ([^,;]+)[,;]\s*((?:é|e|eh|s[aã]o)\s.+)$", re.IGNORECASE
)


def self_corrected(text: str) -> tuple[str, str] | None:
    """(what was said first, what replaces it) at the last marker, or None without one."""
    if contrast := _NOT_BUT.search(text):  # "não são 10 usuários, são 14"
        return contrast.group(1), _restated(contrast.group(1), contrast.group(2))
    found = None
    for found in _MARKER.finditer(text):  # noqa: B007 - the last marker counts
        pass
    if found is None or not text[found.end() :].strip() or not text[: found.start()].strip():
        return None
    earlier = text[: found.start()]
    return earlier, carried(earlier, text[found.end() :])


def _restated(earlier: str, later: str) -> str:
    """ "não são 5 usuários, são 8": the bare 8 takes the words of the 5 ("8 usuários")."""
    bare = _BARE.match(later)
    if bare is None or not re.search(r"\d", earlier):
        return later
    return re.sub(r"\d[\d.,]*", bare.group(1), earlier, count=1) + later[bare.end() :]


def carried(earlier: str, later: str) -> str:
    """A bare figure said again takes the words and the scale of the one it replaces:
    "orçamento uns 150 mil, quer dizer, 200" → "orçamento uns 200 mil"."""
    figure = _FIGURE.match(later)
    if figure is None:
        return later
    clause = _CLAUSES.split(earlier.rstrip(" ,.;!?"))[-1]
    digit = re.search(r"\d", clause)
    lead = clause[: digit.start()] if digit else ""
    if _SCALED.search(clause) and not figure.group(2):
        later = f"{later[: figure.end(1)]} mil{later[figure.end(1) :]}"
    noun = _NOUN.search(clause)  # "são 10 atendentes, não, 12," → "são 12 atendentes,"
    end = figure.start(1) + len(figure.group(1).rstrip(".,"))
    if noun and not figure.group(2) and _ALONE.match(later[end:]):
        later = f"{later[:end]} {noun.group(1)}{later[end:]}"
    return f"{lead}{later}".strip()
