"""A different need said while a form is being filled: queue it, answer it aside, or stop.

Only a message that asks for something ("quero…", "preciso…", "também…") and is clearly
another line of business counts; a long description is an answer, not a switch. The
session keeps at most three intents: a fourth ends it with the limit outcome.
"""

from __future__ import annotations

from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.state import Turn
from pyloto_corp.domain.intents import MAX_INTENTS_PER_SESSION, OPERATIONAL_INTENTS, Intent
from pyloto_corp.domain.language.classifier import LexiconClassifier
from pyloto_corp.domain.records import QueuedIntent, SessionRecord

SWITCH_CONFIDENCE = 0.9
SWITCH_MAX_WORDS = 12
NOT_A_NEED = (Intent.ENTRY_UNKNOWN, Intent.UNSUPPORTED)


def merge_detected(session: SessionRecord, intents: list[str]) -> list[str]:
    merged = dict.fromkeys([*session.context.get("detected", []), *intents])
    return [i for i in merged if i != Intent.ENTRY_UNKNOWN]


class Switch:
    def __init__(self, classifier: LexiconClassifier, dialogue: Dialogue) -> None:
        self.classifier, self.dialogue = classifier, dialogue

    def other_need(self, flow: Flow, turn: Turn, words: list[str]) -> Intent | None:
        if len(words) > SWITCH_MAX_WORDS or not flow.content.says("switch", words, anywhere=True):
            return None
        result = self.classifier.classify(turn.text or "")
        if result.confidence < SWITCH_CONFIDENCE or result.intent in NOT_A_NEED:
            return None
        return None if result.intent.value == flow.session.active_intent else result.intent

    def handle(self, flow: Flow, turn: Turn, words: list[str], limit: object) -> bool:
        """True when the turn was another need (and has been dealt with)."""
        other = self.other_need(flow, turn, words)
        if other is None:
            return False
        detected = merge_detected(flow.session, [other.value])
        if len(detected) > MAX_INTENTS_PER_SESSION:
            flow.finish(limit, "intent_limit", message="limit_reached")  # type: ignore[arg-type]
            return True
        known = other.value in flow.session.context.get("detected", [])
        flow.remember(detected=detected)
        if other in OPERATIONAL_INTENTS and not known:
            self.dialogue.aside(flow, other)
        else:
            if not known:
                queued = (*flow.session.queued_intents, QueuedIntent(other.value, turn.at))
                flow.update(queued_intents=queued)
            flow.say("noted_other", label=flow.content.intents[other].label)
        self.dialogue.ask_again(flow)
        return True
