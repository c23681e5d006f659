"""A slot's value in a direct answer: read by the slot's kind, or None when it does not fit."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.entity_rules import parse_number, people_count
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.understanding.fallbacks import first_part, loose

MAX_NAME_WORDS = 4
_NAME_LINKS = frozenset(("da", "das", "de", "do", "dos", "e"))
PLACE = re.compile(r"^[^\W\d_][^\W\d_ '.-]*(?:[ '.-][^\W\d_]+){0,4}$")
MIN_TEXT_LETTERS = 3
MAX_FREE_TEXT = 300


# Slot name → the entity that fills it when the person mentions it unprompted.
SLOT_ENTITIES = {
    "name": "name", "city": "city", "user_count": "user_count", "deadline": "deadline",
    "vehicle": "vehicle", "availability": "availability", "channels": "channels",
    "message_volume": "volume", "delivery_volume": "volume", "segment": "business_kind",
    "business_type": "business_kind", "company": "business_name", "budget": "budget",
}  # fmt: skip
MAX_PLACE_WORDS = 4
NOT_PLACE_WORDS = frozenset((
    "eu", "minha", "meu", "minhas", "meus", "nossa", "nosso", "sua", "seu", "quer", "quero",
    "queria", "tenho", "tem", "sou", "somos", "e", "esta", "estou", "moro", "fica", "ficamos",
    "aqui", "ai", "la", "daqui", "mesmo", "msm", "pera", "perai", "entao", "beleza", "blz", "ok",
    "sim", "nao", "pode", "ser", "sei", "talvez", "acho", "que", "voces", "vcs", "vc", "voce",
    "pra", "para", "com", "por", "isso", "essa", "esse", "loja", "empresa", "trabalho",
    "trabalhar", "quando", "onde", "qual", "como",
))  # fmt: skip
FREE_KINDS = frozenset({"text", "name", "city", "business"})


def fits(kind: str, text: str, gazetteer: Gazetteer, *, strict: bool = False) -> Any:
    """The slot's value in a direct answer, or None when the answer does not fit.

    ``strict``: only a value recognised as such (a known city, a number...), never the
    free text itself (for a clause that is a question).
    """
    value = _fits(kind, text, gazetteer, strict=strict)
    if value is None and not strict:
        clean = " ".join(text.split())[:MAX_FREE_TEXT]
        return loose(kind, clean)
    return value


def _fits(kind: str, text: str, gazetteer: Gazetteer, *, strict: bool) -> Any:
    entities = extract(text, gazetteer)
    clean = " ".join(text.split())[:MAX_FREE_TEXT]
    if strict and kind in FREE_KINDS:
        return {"name": entities.name, "city": entities.city,
                "business": entities.business_kind}.get(kind)  # fmt: skip
    if kind == "text":
        return clean if sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS else None
    if kind == "name":
        return entities.name or _bare_name(first_part(clean, "name"), gazetteer)
    if kind == "city":
        place = first_part(clean, "place")
        bare = (p.title() for p in (clean, place) if PLACE.match(p) and _could_be_place(p))
        return entities.city or next(bare, None)
    if kind == "count":
        said = " ".join(tokens(text, gazetteer.abbreviations))
        return (entities.user_count or people_count(said, gazetteer.number_words)
                or parse_number(said, gazetteer.number_words))  # fmt: skip
    return _from_entities(kind, entities, clean, text, gazetteer)


def _from_entities(
    kind: str, entities: Entities, clean: str, text: str, gazetteer: Gazetteer
) -> Any:
    if kind == "volume":
        return entities.volume or _bare_volume(text, gazetteer)
    direct = {"deadline": entities.deadline, "vehicle": entities.vehicle,
              "availability": plain(entities.availability) or None,
              "channels": plain(entities.channels) or None}  # fmt: skip
    if kind in direct:
        return direct[kind]
    if kind == "business":
        letters = sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS
        return entities.business_kind or (clean if letters else None)
    return entities.budget or (clean if any(ch.isdigit() for ch in clean) else None)


def _could_be_place(text: str) -> bool:
    """A bare answer taken as a city only when it reads like a name of a place: a few words,
    none of them a pronoun, a verb or a filler ("minha filha quer trabalhar ai", "pera")."""
    words = fold(text).split()
    return len(words) <= MAX_PLACE_WORDS and not any(w in NOT_PLACE_WORDS for w in words)


def _bare_name(text: str, gazetteer: Gazetteer) -> str | None:
    words = text.split()
    joined = sum(fold(w) in _NAME_LINKS for w in words)
    if not 1 <= len(words) - joined <= MAX_NAME_WORDS or not PLACE.match(text):
        return None
    if any(fold(w) in gazetteer.not_names and fold(w) not in _NAME_LINKS for w in words):
        return None
    return " ".join(w if fold(w) in _NAME_LINKS else w.capitalize() for w in words)


def _bare_volume(text: str, gazetteer: Gazetteer) -> str | None:
    amount = parse_number(" ".join(tokens(text)), gazetteer.number_words)
    return f"{amount} (período não informado)" if amount is not None else None


def plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
