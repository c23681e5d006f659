"""A slot's value in a direct answer: read by the slot's kind, or None when it does not fit."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.entity_rules import parse_number, people_count
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold, tokens

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
FREE_KINDS = frozenset({"text", "name", "city", "business"})


def fits(kind: str, text: str, gazetteer: Gazetteer, *, strict: bool = False) -> Any:
    """The slot's value in a direct answer, or None when the answer does not fit.

    ``strict``: only a value recognised as such (a known city, a number...), never the
    free text itself (for a clause that is a question).
    """
    entities = extract(text, gazetteer)
    clean = " ".join(text.split())[:MAX_FREE_TEXT]
    if strict and kind in FREE_KINDS:
        return {"name": entities.name, "city": entities.city,
                "business": entities.business_kind}.get(kind)  # fmt: skip
    if kind == "text":
        return clean if sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS else None
    if kind == "name":
        return entities.name or _bare_name(clean, gazetteer)
    if kind == "city":
        return entities.city or (clean.title() if PLACE.match(clean) else None)
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


def _bare_name(text: str, gazetteer: Gazetteer) -> str | None:
    words = text.split()
    if not 1 <= len(words) <= 4 or not PLACE.match(text):
        return None
    if any(fold(w) in gazetteer.not_names for w in words):
        return None
    return " ".join(w.capitalize() for w in words)


def _bare_volume(text: str, gazetteer: Gazetteer) -> str | None:
    amount = parse_number(" ".join(tokens(text)), gazetteer.number_words)
    return f"{amount} (período não informado)" if amount is not None else None


def plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
