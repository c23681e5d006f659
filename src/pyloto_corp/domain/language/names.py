"""The person's name, without the words around it ("eh o marcos", "aqui é a Jéssica",
"sou o joão silva" → "Marcos", "Jéssica", "João Silva"), accents as typed."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.profile import STOP

_NAME = r"([^\W\d_]{2,}(?:\s+(?:d[aeo]s?\s+)?[^\W\d_]{2,}){0,2})"
_INTRO = re.compile(
    r"\b(?:meu nome (?:é|e|eh)|me chamo|pode me chamar de|me chama de|aqui (?:é|e|eh)"
    r"(?: (?:o|a))?|(?:eu )?sou (?:o|a)|quem fala (?:é|e|eh)(?: (?:o|a))?|nome:)\s+" + _NAME
    + r"|^(?:(?:oi|ol[aá]|opa|bom dia|boa tarde|boa noite|e a[ií])[,!. ]+)?(?:é|e|eh) (?:o|a)\s+"
    + _NAME + r"|\b(?:é|e|eh) (?:o|a) " + _NAME + r"(?= (?:aqui|falando))",
    re.IGNORECASE,
)  # fmt: skip
_LINKS = frozenset(("da", "das", "de", "do", "dos"))


def person_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The name after an introduction; never a role, a job, a business or a filler."""
    found = _INTRO.search(text)
    if found is None:
        return None
    said = next(g for g in found.groups() if g)
    parts: list[str] = []
    for word in said.split():
        low = fold(word)
        if low in _LINKS and parts:
            parts.append(word.lower())
            continue
        if not_a_name(low, gazetteer):
            break
        parts.append(word)
    while parts and fold(parts[-1]) in _LINKS:
        parts.pop()
    return " ".join(p if p in _LINKS else p[:1].upper() + p[1:] for p in parts) or None


def not_a_name(low: str, gazetteer: Gazetteer) -> bool:
    return (
        low in gazetteer.not_names or low in STOP or low in gazetteer.business_kinds
        or low in gazetteer.roles or low in gazetteer.vehicles or (low,) in gazetteer.cities
    )  # fmt: skip
