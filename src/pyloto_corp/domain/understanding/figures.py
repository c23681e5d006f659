"""Figures against names: "uns 60 por noite" is no company name nor business type, and the
values said beside an answer that differ from the ones given before."""

from __future__ import annotations

from datetime import date
from typing import Any

from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES, plain

NAMING_SLOTS = frozenset({"company", "name", "business_type", "segment", "features"})  # no figure
FEATURE_WORDS = 7  # "uns 10 usuários" is a figure; a longer clause tells what the system does


def differs(slots: Any, entities: Entities) -> bool:
    """A value said that is not the one the slot holds (a list in any order is the same)."""
    said = entities.found()
    return any(
        name in slots and SLOT_ENTITIES[name] in said
        and _same(plain(said[SLOT_ENTITIES[name]])) != _same(slots[name])
        for name in SLOT_ENTITIES
    )  # fmt: skip


def _same(value: Any) -> Any:
    return frozenset(value) if isinstance(value, list) else value


def named_part(
    clause: str, slot: str | None, gazetteer: Gazetteer, today: date | None
) -> str | None:
    """What answers a naming slot: the clause, the name before a figure said after it
    ("pizzaria, faço umas 60 entregas no sábado"), or None for a figure alone."""
    people = slot != "name"  # "sou eu mesmo, Cláudio": one person, and a name
    if slot not in NAMING_SLOTS or not is_a_figure(clause, gazetteer, today, people=people):
        return clause
    if slot == "features" and len(clause.split()) >= FEATURE_WORDS and not _money_or_time(
            clause, gazetteer, today):  # fmt: skip
        return clause  # "e eu ver a agenda dos 3 barbeiros": a feature with a figure in it
    head, comma, _ = clause.partition(",")
    asked = clause.rstrip().endswith("?")  # "me fala um valor pelo menos, 10 mil? 50 mil?"
    return (
        head
        if comma and not asked and not is_a_figure(head, gazetteer, today, people=people)
        else None
    )


def is_a_figure(
    clause: str, gazetteer: Gazetteer, today: date | None, *, people: bool = True
) -> bool:
    """A count (``people``), a volume, an amount or a deadline, which no name is."""
    found = extract(clause, gazetteer, today)
    return any((found.volume, people and found.user_count,
                found.budget not in (None, "unknown"), found.deadline))  # fmt: skip


def _money_or_time(clause: str, gazetteer: Gazetteer, today: date | None) -> bool:
    """ "e tenho uma verba entre 15 e 25 mil", "preciso disso até março": no feature."""
    found = extract(clause, gazetteer, today)
    return found.budget not in (None, "unknown") or bool(found.deadline)
