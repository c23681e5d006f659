"""Slot filling: read a slot's value from an answer, and everything else said in passing."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES, plain


def prefill(slots: tuple[Slot, ...], entities: Entities) -> dict[str, Any]:
    """Values for this intent's slots found in free text ("sou a Ana, de Curitiba")."""
    found = entities.found()
    values: dict[str, Any] = {}
    for slot in slots:
        key = SLOT_ENTITIES.get(slot.name)
        if key in found:
            values[slot.name] = plain(found[key])
    return values


DESCRIBED_WORDS = 20  # a first message this long describes the need in the person's words
MAX_DESCRIBED = 300
_FEATURES = re.compile(
    r"\b(?:precisa(?:ria)? ter|tem que ter|teria que ter|que tenha|precisa fazer)\s+(.{6,160}?)"
    r"(?=\s+(?:seriam|serao|sao|somos|e a gente|a gente|pra|para|umas?|uns|ate)\b|[.;!?]|$)",
    re.IGNORECASE,
)


_GOAL = re.compile(
    r"\b(?:queria|quero|gostaria de|preciso de|precisamos de)\s+(?:um|uma)?\s*(?:rob[oô]|chatbot|"
    r"bot|automatizar|automa[cç][aã]o)\s*(?:pra|para|que)?\s+(.{6,160}?)(?=[.;!?]|$)",
    re.IGNORECASE,
)
_PAIN = re.compile(
    r"\b(n[aã]o (?:d[aá]|dou|damos) conta de .{3,80}?|demor\w+ (?:pra|para) responder.{0,60}?|"
    r"perd\w+ (?:cliente|venda|pedido)\w*.{0,40}?)(?=[,.;!?]|$)",
    re.IGNORECASE,
)


def described(slots: tuple[Slot, ...], text: str) -> dict[str, str]:
    """A long first message ("a gente precisa de um sistema pra agenda... precisa ter agenda,
    lembrete e prontuário") answers what the need is, and often its features or its goal."""
    if len(text.split()) < DESCRIBED_WORDS:
        return {}
    names, found = {s.name for s in slots}, {}
    if "problem" in names:
        found["problem"] = " ".join(text.split())[:MAX_DESCRIBED]
    for slot, pattern in (("features", _FEATURES), ("automation_goal", _GOAL),
                          ("main_pain", _PAIN)):  # fmt: skip
        if slot in names and (said := pattern.search(text)):
            found[slot] = said.group(1).strip(" ,")
    return found
