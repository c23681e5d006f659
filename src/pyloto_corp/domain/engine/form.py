"""The form of a need: learn what was said, ask what is missing, confirm, never store a
non-answer (two misses → "unknown")."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.lead_notes import keep, told_beside
from pyloto_corp.domain.engine.reading import (
    CONFIRM_NO,
    CONFIRM_YES,
    MORE_NO,
    MORE_YES,
    local_time,
)
from pyloto_corp.domain.engine.slots import described, prefill
from pyloto_corp.domain.engine.summary import summarize
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.dates import is_urgent
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.normalize import fold

MAX_REASKS = 2
VOLUMES = ("message_volume", "delivery_volume")
_MONEY = re.compile(r"r\$|\breais\b|\bcontos?\b|\bpila|or[cç]amento|invest|verba|pagar|\d\s*k\b")
ENTREGA = "PYLOTO_ENTREGA_"


def _slots(flow: Flow) -> tuple[Slot, ...]:
    return flow.content.intents[Intent(flow.session.active_intent)].slots


def ask_again(flow: Flow) -> None:
    """Back to the question that was pending, in other words."""
    pending = flow.session.context.get("pending_slot")
    slot = next((s for s in _slots(flow) if s.name == pending), None)
    if slot is not None:
        flow.say("reask_after_side", question=slot.ask)


def learn(flow: Flow, entities: Entities, *, asked: bool = False) -> None:
    """Keep what was said in passing; lists grow ("e instagram também"), answers stay. A
    question keeps only the channels it names ("isso funciona no instagram tb? metade das
    clientes me chama lá"), never "site" ("ta, e o site? vcs fazem site?" asks a product)."""
    known, found, values = flow.session.slots, {}, prefill(_slots(flow), entities)
    counting = flow.session.context.get("pending_slot") in (*VOLUMES, "user_count")
    if counting and "budget" in values and not _MONEY.search(fold(flow.turn.text or "")):
        del values["budget"]  # "os clientes, uns 2 mil": a count, no budget in passing
    if asked:
        values = {k: [c for c in v if c != "site"] for k, v in values.items() if k == "channels"}
    for name, value in ((k, v) for k, v in values.items() if v):
        if name not in known or known[name] == "unknown":  # "6 pessoas", after "não sei"
            found[name] = value
        elif isinstance(known[name], list) and isinstance(value, list):
            found[name] = list(dict.fromkeys([*known[name], *value]))
    flow.update(slots={**known, **found})
    if entities.urgent:
        flow.remember(urgent=True)
    if entities.role:
        flow.remember(role=entities.role)


def learn_described(flow: Flow) -> None:
    """The first message described the need: its free-text slots are not asked again."""
    found = described(_slots(flow), flow.turn.text or "")
    flow.update(slots={**found, **flow.session.slots})


def amend(flow: Flow, entities: Entities) -> None:
    """ "Errei, são 12 usuários": a new value replaces the one given before."""
    found = prefill(_slots(flow), entities)
    flow.update(slots={**flow.session.slots, **found})


def note_region(flow: Flow) -> None:
    """A delivery lead outside the region Pyloto Entrega serves hears so, once, politely."""
    city = flow.session.slots.get("city")
    intent = flow.session.active_intent or ""
    served_list = flow.content.served_cities
    if not intent.startswith(ENTREGA) or city in (None, "unknown") or not served_list:
        return
    noted = flow.session.context.get("region_noted")
    if fold(str(city)) in {fold(c) for c in served_list}:  # "na verdade é em Castro"
        if noted:
            flow.remember(region_noted=False)  # served after all: no longer a waiting list
        return
    if not noted:
        cities = ", ".join(served_list[:-1]) + " e " + served_list[-1]
        flow.say("outside_region", city=str(city), cities=cities)
    flow.remember(region_noted=str(city))  # the waiting list's city, as last corrected


def ask_next(flow: Flow) -> None:
    note_region(flow)
    slot = next((s for s in _slots(flow) if s.name not in flow.session.slots), None)
    if slot is None:
        return confirm(flow)
    flow.remember(pending_slot=slot.name, reasks=0)
    if slot.name == "city" and flow.area_city and not flow.session.context.get("city_guessed"):
        flow.remember(city_guessed=True)  # only the question: the city waits for a yes
        flow.say("ask_city_guess", question=slot.ask, city=flow.area_city)
        return None
    if not flow.say_text(slot.ask, f"ask:{slot.name}"):  # asked before (a correction)
        flow.say("reask_after_side", question=slot.ask)
    return None


def guessed_city(flow: Flow, words: list[str]) -> str | None:
    """ "sim" to "Você fala de Ponta Grossa - PR?": the guess, now said by the person."""
    asked = flow.session.context.get("city_guessed") and flow.area_city
    pending = flow.session.context.get("pending_slot") == "city"
    said_yes = flow.content.says("yes", words) or flow.content.says("yes", words[:1])
    if not (asked and pending and said_yes):  # "isso, moro em uvaranas": yes, a neighborhood
        return None
    return str(flow.area_city).rsplit(" - ", 1)[0]


def _yes_no(flow: Flow, body: str, template: str, **values: str) -> bool:
    return flow.buttons(body, template, (CONFIRM_YES, flow.text("confirm_yes")),
                        (CONFIRM_NO, flow.text("confirm_no")), **values)  # fmt: skip


def confirm(flow: Flow) -> None:
    """The summary, in a wording not sent yet (a value corrected back shows it again)."""
    note_region(flow)  # a city corrected at the summary: in the region or not
    summary = summarize(flow.content, Intent(flow.session.active_intent), flow.session.slots)
    flow.update(state="confirming")
    if not _yes_no(flow, flow.text("confirm", summary=summary), "confirm", summary=summary):
        _asked_again(flow)


def confirm_again(flow: Flow) -> None:
    """Asked again in a few words when the summary was the last message; else shown again."""
    summary = summarize(flow.content, Intent(flow.session.active_intent), flow.session.slots)
    if not flow.said_last("confirm", flow.text("confirm", summary=summary), summary=summary):
        return confirm(flow)
    _asked_again(flow)


def _asked_again(flow: Flow) -> None:
    if not _yes_no(flow, flow.text("confirm_again"), "confirm_again"):
        flow.say("confirm_stuck")


def anything_else(flow: Flow) -> None:
    flow.update(state="info_given")
    flow.buttons(flow.text("anything_else"), "anything_else",
                 (MORE_YES, flow.text("anything_else_yes")),
                 (MORE_NO, flow.text("anything_else_no")))  # fmt: skip


def answer(flow: Flow, value: Any, entities: Entities, *, dont_know: bool, learnable: bool) -> None:
    """The pending slot's value (None: it did not fit) and what was said in passing
    (``learnable``: not from a question like "e o site?")."""
    slot = next(s for s in _slots(flow) if s.name == flow.session.context.get("pending_slot"))
    if value is not None:
        store(flow, value, entities)
        return ask_next(flow)
    if learnable and not dont_know:
        learn(flow, entities)
    if slot.name in flow.session.slots:
        return ask_next(flow)  # said in passing, in other words
    if dont_know:
        return skip(flow, slot)
    reasks = int(flow.session.context.get("reasks", 0)) + 1
    if reasks <= MAX_REASKS:
        flow.remember(reasks=reasks)
        told = told_beside(flow, bool(entities.found()), learnable=learnable)  # "Daniel, …"
        flow.say("reask_noted", question=slot.ask) if told else flow.say("reask", hint=slot.hint)
        return None
    return skip(flow, slot)


def store(flow: Flow, value: Any, entities: Entities) -> None:
    """The pending slot's value, and whatever else the message said."""
    learn(flow, entities)
    pending, start = flow.session.context["pending_slot"], flow.session.context.get("fragment")
    free = next(s.kind for s in _slots(flow) if s.name == pending) in ("text", "business")
    value = f"{start} {value}" if start and free else value  # "pra minha" / not "uns" + 50/dia
    flow.update(slots={**flow.session.slots, pending: value})
    if pending in VOLUMES and len(set(re.findall(r"\d+", flow.turn.text or ""))) > 1:
        keep(flow, flow.turn.text or "")  # "umas 10 por dia, sexta e sábado umas 30": all of it
    flow.remember(fragment=None, queued_start=None)  # answered: the offered need is taken up
    if pending == "deadline" and is_urgent(value, local_time(flow.turn.written_at).date()):
        flow.remember(urgent=True)  # "pra ontem", "até sexta": a deadline, not a stray "hoje"


def skip(flow: Flow, slot: Slot, *, message: str = "skip_slot") -> None:
    """Not known or not said: recorded as "unknown" (it never counts as an answer)."""
    flow.update(slots={**flow.session.slots, slot.name: "unknown"})
    flow.say(message)
    ask_next(flow)


def pending(flow: Flow) -> Slot:
    """The slot whose question is waiting for an answer."""
    return next(s for s in _slots(flow) if s.name == flow.session.context.get("pending_slot"))
