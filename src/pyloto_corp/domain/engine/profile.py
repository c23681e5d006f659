"""The contact's profile from any message that says it ("sou o Marcos, da Pizzaria Forno,
de Londrina"): kept in the session so the team gets it even when no form asked for it."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.understanding.acts import Act, TurnReading

FOREIGN_KEPT = ("city", "name")  # what English or Spanish says plainly enough to keep
TOLD_WORDS = 12  # a long message that ends in a question ("... quanto custa?") still tells
# Extractor's name → the profile's (``records.LeadProfile``).
PROFILE = {"name": "name", "city": "city", "business_name": "business_name",
           "is_business": "is_business", "role": "role"}  # fmt: skip


def remember_profile(flow: Flow, reading: TurnReading | None) -> dict[str, Any]:
    """What the message says about who is writing; a later value replaces an earlier one.
    Returns what it changed."""
    if reading is None or reading.entities is None or reading.has(Act.ABUSE):
        return {}
    if reading.question and len(reading.words) < TOLD_WORDS:  # "e o site?" teaches nothing
        return {}
    found = reading.entities.found()
    said = {key: found[name] for name, key in PROFILE.items() if name in found}
    if reading.has(Act.OTHER_LANGUAGE):  # "I own a burger place in Curitiba, my name is Mike"
        said = {k: v for k, v in said.items() if k in FOREIGN_KEPT}
    known = flow.session.context.get("profile", {})
    if reading.question:  # "tem q ser presencial em PG?" does not move someone from Curitiba
        said = {k: v for k, v in said.items() if k not in known}
    if flow.session.context.get("area_told"):  # "ele mora em Curitiba": where it goes, not
        said.pop("city", None)  # where the person lives
    if said:
        flow.remember(profile={**known, **said})
    if "business_kind" in found:
        flow.remember(business_kind=found["business_kind"])
    return {k: v for k, v in said.items() if known.get(k) != v}


def heard(flow: Flow) -> Entities:
    """Who the person is, as said earlier in the session: a need started later (queued
    behind another) does not ask again for the name, the company or the city."""
    known, context = flow.session.context.get("profile", {}), flow.session.context
    return Entities(name=known.get("name"), city=known.get("city"),
                    business_name=known.get("business_name"),
                    business_kind=context.get("business_kind"))  # fmt: skip


_FULL = re.compile(r"^\s*([A-ZÀ-Ý][a-zà-ÿ]+(?:\s+(?:d[aeo]s?\s+)?[A-ZÀ-Ý][a-zà-ÿ]+){1,3})\s*[.,!]")


def asked_name(flow: Flow, text: str) -> dict[str, Any]:
    """ "Anderson Luiz Ribeiro. era pra ter caído na sexta", right after the bot asked a
    courier's full name for the support: that name, when none is known yet."""
    known, found = flow.session.context.get("profile", {}), _FULL.match(text)
    if "name" in known or found is None:
        return {}
    flow.remember(profile={**known, "name": found.group(1)})
    return {"name": found.group(1)}
