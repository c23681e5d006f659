"""Fixing one answer: after "Quero corrigir" the person picks the field (or just says it)."""

from __future__ import annotations

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.reading import FIX_PREFIX
from pyloto_corp.domain.engine.slots import prefill
from pyloto_corp.domain.engine.state import Option, Reply, Turn, TurnKind
from pyloto_corp.domain.engine.summary import summarize
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.fields import SLOT_FIELD, found_fields
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES

ADDED_KINDS = frozenset({"availability", "channels"})  # "posso de tarde tbm" adds, elsewhere
PROFILE_LABELS = {"city": "cidade", "name": "nome", "business_name": "empresa"}


class Correction:
    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def offer(self, flow: Flow) -> None:
        """Which field is wrong? A list of the intent's fields (WhatsApp list rows)."""
        options = tuple(Option(FIX_PREFIX + s.name, s.label) for s in _slots(flow))
        flow.update(state="correcting")
        summary = summarize(flow.content, Intent(flow.session.active_intent), flow.session.slots)
        body = flow.fresh("correct_which", flow.text("correct_which"), summary=summary)
        if body is None:  # asked in every wording: the summary again, to confirm or fix
            return self.dialogue.confirm(flow)
        flow.send(Reply(body, options, flow.text("correct_button")), "correct_which")
        return None

    def amend(self, flow: Flow, entities: Entities) -> bool:
        """New values said in passing ("na verdade é em Curitiba"): update and re-confirm."""
        found = prefill(_slots(flow), entities)
        kept = flow.session.slots.get("channels")
        if entities.channels_dropped and isinstance(kept, list):  # "telefone não precisa, tira"
            found["channels"] = [c for c in dict.fromkeys([*kept, *found.get("channels", [])])
                                 if c not in entities.channels_dropped]  # fmt: skip
        changed = {k: v for k, v in found.items() if _new(flow.session.slots.get(k), v)}
        told = {} if changed else _profile_told(flow, entities)  # "a clínica é em Carambeí"
        if not (changed or told):
            return False
        if told:
            flow.remember(profile={**flow.session.context.get("profile", {}), **told})
            what = ", ".join(f"{PROFILE_LABELS[k]} {v}" for k, v in told.items())
            flow.say("profile_noted", label=what)
        flow.update(slots={**flow.session.slots, **changed})
        self.dialogue.confirm(flow)
        return True

    def fix(self, flow: Flow, reading: TurnReading) -> bool:
        """Fields named with their new value ("o prazo é março, e o orçamento 80 a 120 mil")
        are changed and the summary shown again; a field named alone ("a cidade tá errada")
        is asked for. False: the message named no field, or named one with its own value."""
        if flow.turn.kind is TurnKind.CHOICE or not reading.fixes:
            return False
        slots, current, said = {s.name: s for s in _slots(flow)}, flow.session.slots, dict(
            reading.fixes)  # fmt: skip
        dropped = getattr(reading.entities, "channels_dropped", ())  # "só whatsapp, email não"
        if dropped and isinstance(said.get("channels"), list):
            said["channels"] = [c for c in said["channels"] if c not in dropped]
        entities = reading.entities if isinstance(reading.entities, Entities) else None
        single = tuple(s for s in slots.values() if s.kind not in ADDED_KINDS)  # lists: "tbm"
        passing = prefill(single, entities) if entities is not None else {}
        merged = {**passing, **{k: v for k, v in said.items() if v is not None}}  # "a loja é
        # a filial de Carambeí, e lá são umas 40 entregas por dia": the values said in passing
        changed = {k: v for k, v in merged.items()
                   if k in slots and v is not None and _new(current.get(k), v)}  # fmt: skip
        if changed:
            flow.update(slots={**current, **changed})
            self.dialogue.confirm(flow)
            return True
        stated = any(v is not None for k, v in reading.fixes.items() if k in slots)
        if stated and reading.has(Act.DENY, Act.CORRECTION) and not reading.has(Act.AFFIRM):
            self.dialogue.confirm(flow)  # "Não! R$ 200?? É de 15 a 25 mil": it already is
            return True
        if reading.question or reading.has(Act.AFFIRM, Act.SIDE_QUESTION):
            return False
        if stated:
            self.dialogue.confirm(flow)  # "a cidade tá errada, é Fortaleza": it already is
            return True
        named = next((slots[k] for k, v in reading.fixes.items() if k in slots and v is None),
                     None)  # fmt: skip
        if named is not None and not self._said_elsewhere(flow, reading, named):
            self.ask(flow, named)
        return named is not None

    def _said_elsewhere(self, flow: Flow, reading: TurnReading, slot: Slot) -> bool:
        """ "a cidade tá errada, a firma é em Carazinho": the new value is in the message,
        not right after the field's name; taken, and the summary shown again."""
        entities = reading.entities if isinstance(reading.entities, Entities) else None
        value = prefill((slot,), entities).get(slot.name) if entities is not None else None
        if value is None or not _new(flow.session.slots.get(slot.name), value):
            return False
        flow.update(slots={**flow.session.slots, slot.name: value})
        self.dialogue.confirm(flow)
        return True

    def ask(self, flow: Flow, slot: Slot) -> None:
        flow.update(state="collecting")
        flow.remember(pending_slot=slot.name, reasks=0)
        flow.say("ask_fix", question=slot.ask)

    def handle(self, flow: Flow, reading: TurnReading, entities: Entities) -> None:
        turn = flow.turn
        if self.fix(flow, reading):
            return None
        if turn.kind is not TurnKind.CHOICE and self.amend(flow, entities):
            return None
        if turn.kind is not TurnKind.CHOICE and reading.has(Act.AFFIRM):
            return self.dialogue.confirm(flow)  # "isso aí, pode mandar": nothing to fix
        slot = _chosen(_slots(flow), turn)
        if slot is None:
            return self.offer(flow)
        self.ask(flow, slot)


def _new(before: object, after: object) -> bool:
    """A value that says more than the one kept; "farmacia Vida e Saude" repeats
    "Farmácia Vida e Saúde" (same words, fewer accents) and changes nothing."""
    if isinstance(before, str) and isinstance(after, str):
        return fold(after) not in fold(before)
    return before != after


def _profile_told(flow: Flow, entities: Entities) -> dict[str, str]:
    """Who the person is, said at the summary when the form has no such field (a city for
    a chatbot): kept for the team, which the summary does not show."""
    asked = {SLOT_ENTITIES.get(s.name, s.name) for s in _slots(flow)}
    known, found = flow.session.context.get("profile", {}), entities.found()
    return {key: str(found[key]) for key in PROFILE_LABELS
            if key in found and key not in asked and _new(known.get(key), found[key])}  # fmt: skip


def _slots(flow: Flow) -> tuple[Slot, ...]:
    return flow.content.intents[Intent(flow.session.active_intent)].slots


def _chosen(slots: tuple[Slot, ...], turn: Turn) -> Slot | None:
    if turn.kind is TurnKind.CHOICE and (turn.choice_id or "").startswith(FIX_PREFIX):
        name = (turn.choice_id or "")[len(FIX_PREFIX) :]
        return next((s for s in slots if s.name == name), None)
    said = f" {' '.join(fold(turn.text or '').split())} "
    return next((s for s in slots if f" {fold(s.label)} " in said), None)


def in_summary(flow: Flow, reading: TurnReading) -> bool:
    """The values a question names are all in the summary already (a list, in part)."""
    said = found_fields(reading)
    slots = {SLOT_FIELD.get(k, k): v for k, v in flow.session.slots.items()}
    kept = [k for k in said if k in slots]
    return bool(kept) and all(_held(said[k], slots[k]) for k in kept)


def _held(said: object, held: object) -> bool:
    """ "o Instagram entra também, né?" with WhatsApp and Instagram in the summary."""
    if isinstance(held, list):
        return set(said if isinstance(said, list) else [said]) <= set(held)
    return said == held
