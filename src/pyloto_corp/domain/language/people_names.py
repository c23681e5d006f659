"""People listed by name, in an answer to "how many will use it?": "Ana, Bruno e eu" → 3;
"eu, Carla, Paulo, Simone, Rita e o Beto" → 6; "Dr. Henrique, Dra. Paula e a estagiária
Camila" → 3; "quem vai mexer é eu, a Dona Neide do caixa e o Seu Jorge do estoque" → 3.

Only a list whose every item is a person and that names at least one (a capitalized word)
counts; figures, a second sentence or an item that is no person leave it to the other rules.
"""

from __future__ import annotations

import re

from pyloto_corp.domain.language.normalize import fold

TITLE_DOT = re.compile(r"\b(dr|dra|sr|sra|prof|profa)\.", re.IGNORECASE)
LEAD_IN = re.compile(r"^.*(?:\s(?:é|eh|sou|são|sao|seria|seriam|seremos|somos)\s|:)",
                     re.IGNORECASE)  # fmt: skip
SEPARATORS = re.compile(r",|;|\s+e\s+|\s+\+\s+|\s+com\s+", re.IGNORECASE)
ARTICLES = frozenset(("o", "a", "os", "as", "meu", "minha", "so", "tambem", "mais"))
TITLES = frozenset(("dona", "seu", "dr", "dra", "doutor", "doutora", "sr", "sra", "prof", "profa",
                    "professor", "professora", "estagiaria", "estagiario", "tia", "tio",
                    "irma", "irmao", "socia", "socio", "secretaria", "gerente"))  # fmt: skip
ME = frozenset(("eu", "mim"))
AFTER_ME = frozenset(("claro", "mesmo", "msm", "tambem", "tb", "tbm", "ne"))
QUALIFIERS = frozenset(("do", "da", "de", "no", "na", "que"))
MIN_ITEMS = 2


def named_people(text: str) -> int | None:
    """How many people a list of names (with "eu") counts, or None when it is no such list."""
    plain = TITLE_DOT.sub(r"\1", text.strip()).rstrip(".!?… ")
    if any(ch.isdigit() for ch in plain) or re.search(r"[.!?]\s", plain):
        return None  # a figure or a second sentence: the other rules read it
    plain = LEAD_IN.sub("", plain, count=1) if LEAD_IN.match(plain) else plain
    items = [i.strip() for i in SEPARATORS.split(plain) if i and i.strip()]
    kinds = [_person(item) for item in items]
    if len(items) < MIN_ITEMS or None in kinds or "name" not in kinds:
        return None
    return len(items)


def _person(item: str) -> str | None:
    """ "name" for "a Dona Neide do caixa", "me" for "eu claro", "role" for "a secretária"."""
    raw = item.split()
    words = [fold(w) for w in raw]
    if words[0] in ME and set(words[1:]) <= AFTER_ME:
        return "me"
    i = 0
    while i < len(words) and (words[i] in ARTICLES or words[i] in TITLES):
        i += 1
    if i == len(words) or (len(words) > i + 1 and words[i + 1] not in QUALIFIERS):
        return "role" if i == len(words) and words[-1] in TITLES and i > 1 else None
    if not raw[i][:1].isupper() or not raw[i].isalpha():
        return "role" if words[i - 1 : i] in (["o"], ["a"]) and i == len(words) - 1 else None
    return "name"
