"""A slot's value in words the entity rules do not know: a motorbike model, a month,
weekdays, "mil", a city followed by its region, a name after "pode me chamar de"."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.language.normalize import fold

_VEHICLES = (
    (re.compile(r"\b(?:motoca|motinha|biz|titan|fan|cg|pop|bros|factor|xre|lander|nmax|"
                r"motorcycle|motorbike|scooter)\b"), "moto"),
    (re.compile(r"\b(?:saveiro|strada|montana|hilux|toro|oroch)\b"), "utilitario"),
    (re.compile(r"\b(?:car|gol|uno|palio|onix|celta|hb20)\b"), "carro"),
)  # fmt: skip
_AVAILABILITY = re.compile(
    r"\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|fds|fim de semana|dia inteiro|"
    r"qualquer dia|todo dia|todos os dias|manha|tarde|noite|madrugada|integral|weekends?|"
    r"mornings?|nights?|evenings?)\b")  # fmt: skip
_THOUSAND = re.compile(r"\b(?:umas? |uns |mais de |menos de |quase |cerca de )?mil\b")
_PLACE_LEAD = re.compile(r"^(?:em|de|na|no|aqui em|sou de|moro em|fico em)\s+", re.I)
_NAME_LEAD = re.compile(r"^(?:pode me chamar de|me chama de|me chamo|meu nome e|meu nome é|"
                        r"sou o|sou a|sou|é o|é a|eh o|eh a|é|eh)\s+", re.I)  # fmt: skip


def loose(kind: str, clean: str) -> Any:
    """The value by a looser reading, or None (``clean``: the answer as typed)."""
    folded = fold(clean)
    if kind == "vehicle":
        return next((v for pattern, v in _VEHICLES if pattern.search(folded)), None)
    if kind == "availability":
        return clean if _AVAILABILITY.search(folded) else None
    return None


def first_part(text: str, lead: str) -> str:
    """ "em Sinop, no Mato Grosso" → "Sinop"; "pode me chamar de Binho" → "Binho"."""
    pattern = _PLACE_LEAD if lead == "place" else _NAME_LEAD
    return pattern.sub("", text.split(",", maxsplit=1)[0].strip()).strip()


DANGLING = frozenset(("pra", "para", "de", "da", "do", "o", "a", "um", "uma", "uns", "umas", "com",
                      "que", "no", "na", "os", "as", "pro"))  # fmt: skip
COUNTING = frozenset(("uns", "umas", "um", "uma", "tipo", "mais", "ou", "menos", "uns?"))
MINE = frozenset(("meu", "minha", "meus", "minhas", "nosso", "nossa"))


def dangling(words: list[str]) -> bool:
    """ "pra minha", "um sistema de": cut before the word that says what (not "só meu")."""
    if not words:
        return True
    return words[-1] in DANGLING or (words[-1] in MINE and words[-2:-1] != [] and (
        words[-2] in DANGLING))  # fmt: skip


def no_text(words: list[str]) -> bool:
    """Not a free-text answer: cut before its end ("pra minha") or a bare figure ("uns 5")."""
    return dangling(words) or all(w.isdigit() or w in COUNTING for w in words)
