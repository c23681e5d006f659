"""A different need said while a form is being filled: switch, queue it, answer it aside,
or stop.

The reading decides whether a message names another need (TOPIC_CHANGE). "Não quero mais
X, quero Y" drops the current need and starts the new one; a need said without negation
is queued (or, if operational, answered aside). A session keeps at most three intents, on
every path: a fourth ends it with the limit outcome.
"""

from __future__ import annotations

import re

from pyloto_corp.domain.engine import notes
from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.proxies import for_someone_else
from pyloto_corp.domain.intents import MAX_INTENTS_PER_SESSION, OPERATIONAL_INTENTS, Intent, Outcome
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.records import QueuedIntent, SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading

MERCHANT = Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP
_RECURRING = re.compile(
    r"\b(?:as entregas|os pedidos|todo dia|todos os dias|por dia|por semana|"
    r"no fds|fim de semana|so tenho \d|so tenho um|entregar as|fixo)\b"
)
NOT_A_NEED = (Intent.ENTRY_UNKNOWN, Intent.UNSUPPORTED)


def merge_detected(session: SessionRecord, intents: list[str]) -> list[str]:
    merged = dict.fromkeys([*session.context.get("detected", []), *intents])
    return [i for i in merged if i != Intent.ENTRY_UNKNOWN]


def limit_outcome(session: SessionRecord) -> Outcome:
    resolved = session.context.get("resolved", [])
    return Outcome.HANDOFF_HUMAN if any(r.get("handoff") for r in resolved) else (
        Outcome.SCHEDULED_FOLLOWUP)  # fmt: skip


def over_limit(flow: Flow, intents: list[str]) -> bool:
    """A fourth need: the session ends with the limit outcome (True when it did)."""
    if len(merge_detected(flow.session, intents)) <= MAX_INTENTS_PER_SESSION:
        return False
    flow.finish(limit_outcome(flow.session), "intent_limit", message="limit_reached")
    return True


class Switch:
    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def handle(self, flow: Flow, other: Intent, *, negates: bool, entities: Entities) -> bool:
        """True when the turn was another need and has been dealt with entirely."""
        if other in NOT_A_NEED or other.value == flow.session.active_intent:
            return False
        if negates:
            return self.replace(flow, other, entities)
        if self.note(flow, other):
            self.dialogue.ask_again(flow)
        return True

    def note(self, flow: Flow, other: Intent, *, key: str = "noted_other") -> bool:
        """Queue the other need (or answer it aside); False when the session ended (limit)."""
        if other in NOT_A_NEED or other.value == flow.session.active_intent:
            return True
        if over_limit(flow, [other.value]):
            return False
        detected = flow.session.context.get("detected", [])
        other = _for_shop(flow, other)
        if other is DRIVER and for_someone_else(flow.turn.text or ""):  # "e minha irmã quer
            flow.remember(aside_done=flow.turn.message_id)  # ser entregadora": she signs up
            flow.say("courier_for_other")  # from her own phone (nothing else to answer)
            return True
        if other.value == flow.session.active_intent:  # the shop asks about the very
            if "?" in (flow.turn.text or ""):  # deliveries it signs up for: left for the team
                notes.keep(flow, flow.turn.text or "")
                flow.say("side_other")
            return True
        known = other.value in detected
        flow.remember(detected=merge_detected(flow.session, [other.value]))
        if other in OPERATIONAL_INTENTS and not known:
            self.dialogue.aside(flow, other)
        else:
            if not known:
                queued = (*flow.session.queued_intents, QueuedIntent(other.value, flow.turn.at))
                flow.update(queued_intents=queued)
            flow.say(key, label=flow.content.intents[other].label)
        return True

    def replace(self, flow: Flow, other: Intent, entities: Entities) -> bool:
        """ "Pensando bem, quero Y": the old need is dropped, not queued; Y starts now."""
        other, dropped = _for_shop(flow, other), flow.session.active_intent
        detected = [i for i in merge_detected(flow.session, [other.value]) if i != dropped]
        queue = tuple(q for q in flow.session.queued_intents if q.intent != other.value)
        flow.remember(detected=detected)
        flow.update(queued_intents=queue)
        flow.say("switched", label=flow.content.intents[other].label)
        self.dialogue.start(flow, other, entities, source="switch")
        return True

    def fixed_need(self, flow: Flow, reading: TurnReading, entities: Entities) -> bool:
        """Fixing the summary, "o assunto tá errado, ela quer o aplicativo feito sob medida":
        the need itself was wrong, and the one named starts now."""
        other = reading.intent if reading.has(Act.TOPIC_CHANGE) and not reading.fixes else None
        if (
            other not in Intent.__members__
            or other == flow.session.active_intent
            or (Intent(other) in NOT_A_NEED)
        ):  # "o prazo: 15 dias antes da páscoa" is a fix
            return False
        return self.replace(flow, Intent(other), entities)


def _for_shop(flow: Flow, other: Intent) -> Intent:
    """A shop's "as entregas pra já", "motoboy pra entregar as pizza, no fds não dá conta":
    Pyloto Entrega for the company, not the link for one delivery ("uma encomenda agora")."""
    context = flow.session.context
    recurring = _RECURRING.search(fold(flow.turn.text or ""))
    shop = MERCHANT in context.get("detected", []) or (
        (context.get("profile") or {}).get("is_business") and recurring)  # fmt: skip
    return Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP if (
        other is Intent.PYLOTO_ENTREGA_REQUEST and shop) else other  # fmt: skip
