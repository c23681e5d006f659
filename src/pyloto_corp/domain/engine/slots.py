"""Slot filling: read a slot's value from an answer, and everything else said in passing."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES, fits, plain


def prefill(slots: tuple[Slot, ...], entities: Entities) -> dict[str, Any]:
    """Values for this intent's slots found in free text ("sou a Ana, de Curitiba")."""
    found = entities.found()
    values: dict[str, Any] = {}
    for slot in slots:
        key = SLOT_ENTITIES.get(slot.name)
        if key in found:
            values[slot.name] = plain(found[key])
    return values


def read_answer(slot: Slot, text: str, gazetteer: Gazetteer) -> Any:
    """The slot's value in a direct answer, or None when the answer does not fit."""
    return fits(slot.kind, text, gazetteer)
