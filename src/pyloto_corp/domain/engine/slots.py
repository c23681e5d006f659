"""Slot filling: read a slot's value from an answer, and everything else said in passing."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.entity_rules import parse_number, people_count
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold, tokens

_PLACE = re.compile(r"^[^\W\d_][^\W\d_ '.-]*(?:[ '.-][^\W\d_]+){0,4}$")
MIN_TEXT_LETTERS = 3
MAX_FREE_TEXT = 300

# Slot name → the entity that fills it when the person mentions it unprompted.
_FROM_ENTITIES = {
    "name": "name", "city": "city", "user_count": "user_count", "deadline": "deadline",
    "vehicle": "vehicle", "availability": "availability", "channels": "channels",
    "message_volume": "volume", "delivery_volume": "volume", "segment": "business_kind",
    "business_type": "business_kind", "company": "business_name", "budget": "budget",
}  # fmt: skip


def prefill(slots: tuple[Slot, ...], entities: Entities) -> dict[str, Any]:
    """Values for this intent's slots found in free text ("sou a Ana, de Curitiba")."""
    found = entities.found()
    values: dict[str, Any] = {}
    for slot in slots:
        key = _FROM_ENTITIES.get(slot.name)
        if key in found:
            values[slot.name] = _plain(found[key])
    return values


def read_answer(slot: Slot, text: str, gazetteer: Gazetteer) -> Any:
    """The slot's value in a direct answer, or None when the answer does not fit."""
    entities = extract(text, gazetteer)
    kind, clean = slot.kind, " ".join(text.split())[:MAX_FREE_TEXT]
    if kind == "text":
        return clean if sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS else None
    if kind == "name":
        return entities.name or _bare_name(clean, gazetteer)
    if kind == "city":
        return entities.city or (clean.title() if _PLACE.match(clean) else None)
    if kind == "count":
        said = " ".join(tokens(text, gazetteer.abbreviations))
        return (entities.user_count or people_count(said, gazetteer.number_words)
                or parse_number(said, gazetteer.number_words))  # fmt: skip
    if kind == "volume":
        return entities.volume or _bare_volume(text, gazetteer)
    return _from_entities(kind, entities, clean)


def _from_entities(kind: str, entities: Entities, clean: str) -> Any:
    if kind == "deadline":
        return entities.deadline
    if kind == "vehicle":
        return entities.vehicle
    if kind == "availability":
        return _plain(entities.availability) or None
    if kind == "channels":
        return _plain(entities.channels) or None
    if kind == "business":
        return entities.business_kind or (clean if _PLACE.match(clean) else None)
    return entities.budget or (clean if any(ch.isdigit() for ch in clean) else None)


def _bare_name(text: str, gazetteer: Gazetteer) -> str | None:
    words = text.split()
    if not 1 <= len(words) <= 4 or not _PLACE.match(text):
        return None
    if any(fold(w) in gazetteer.not_names for w in words):
        return None
    return " ".join(w.capitalize() for w in words)


def _bare_volume(text: str, gazetteer: Gazetteer) -> str | None:
    amount = parse_number(" ".join(tokens(text)), gazetteer.number_words)
    return f"{amount} (período não informado)" if amount is not None else None


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
