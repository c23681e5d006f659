"""The engine: one turn in, the next session state and its effects out. Pure: no I/O, no clock."""

from __future__ import annotations

from datetime import datetime

from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.correction import Correction
from pyloto_corp.domain.engine.dialogue import CONFIRM_NO, CONFIRM_YES, MORE_NO, MORE_YES, Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.guards import Guards
from pyloto_corp.domain.engine.policy import PolicyPack
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.engine.switching import Switch, merge_detected
from pyloto_corp.domain.intents import (
    MAX_INTENTS_PER_SESSION,
    DetectedIntent,
    Intent,
    Outcome,
    choose_active,
)
from pyloto_corp.domain.language.classifier import LexiconClassifier
from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.records import QueuedIntent, SessionRecord


class Engine:
    def __init__(
        self,
        content: Content,
        classifier: LexiconClassifier,
        gazetteer: Gazetteer,
        config: EngineConfig | None = None,
        policies: PolicyPack | None = None,
    ) -> None:
        self.content, self.classifier, self.gazetteer = content, classifier, gazetteer
        self.config = config or EngineConfig()
        self.policies = policies or PolicyPack()
        self.dialogue = Dialogue(gazetteer)
        self.switch = Switch(classifier, self.dialogue)
        self.correction = Correction(self.dialogue)
        self.guards = Guards(content, self.config, self.policies)

    def handle(
        self, current: SessionRecord | None, last_closed: SessionRecord | None,
        turn: Turn, *, user_key: str, new_session_id: str,
    ) -> Step | None:  # fmt: skip
        """None: nothing to change or say (a quiet period after spam)."""
        closed_before, decisions = None, []
        if current is not None and self.guards.idle(current, turn.at):
            ended = self.guards.timeout(current, turn.at)
            decisions = ended.decisions
            if not ended.session.is_open:
                closed_before = ended.session
                last_closed, current = closed_before, None
        if current is None:
            early = self.guards.after_close(last_closed, turn, closed_before, decisions)
            if early is not None or self.guards.quiet(last_closed, turn.at):
                return early
            current = SessionRecord(new_session_id, user_key, turn.at, turn.at)
        step = Step(session=self.guards.track(current, turn), closed_before=closed_before,
                    decisions=decisions)  # fmt: skip
        flow = self.guards.flow(step, turn)
        if self.guards.is_spam(flow.session):
            flow.silence()
            flow.finish(Outcome.DUPLICATE_OR_SPAM, "flood_or_repetition")
            return step
        self._dispatch(flow)
        flow.escalate()
        return step

    def timeout(self, session: SessionRecord, at: datetime) -> Step:
        """For the sweep: close an idle session with the outcome its state calls for."""
        return self.guards.timeout(session, at)

    def fail(
        self, current: SessionRecord | None, turn: Turn, *, user_key: str, new_session_id: str
    ) -> Step:
        """An internal error: apologise and close as FAILED_INTERNAL, decided like any effect."""
        session = current or SessionRecord(new_session_id, user_key, turn.at, turn.at)
        step = Step(session=session)
        flow = self.guards.flow(step, turn)
        flow.finish(Outcome.FAILED_INTERNAL, "internal_error", message="apology")
        return step

    def _dispatch(self, flow: Flow) -> None:
        turn = flow.turn
        if turn.kind in (TurnKind.MEDIA, TurnKind.LOCATION, TurnKind.OTHER):
            flow.say("location_ack" if turn.kind is TurnKind.LOCATION else "media_ack")
            if flow.session.state == "new":
                flow.menu()
            return
        words = self.classifier.words(turn.text or "")
        if self.guards.handled_globally(flow, words, turn):
            return
        self._by_state(flow, words)

    def _by_state(self, flow: Flow, words: list[str]) -> None:
        state, turn = flow.session.state, flow.turn
        entities = extract(turn.text or "", self.gazetteer)
        if state == "collecting" and flow.session.context.get("pending_slot"):
            limit = self.guards.limit_outcome(flow.session)
            if not self.switch.handle(flow, turn, words, limit):
                self.dialogue.answer(flow, turn.text or "", entities, words)
        elif state == "confirming":
            self._confirming(flow, words, turn, entities)
        elif state == "correcting":
            self.correction.handle(flow, turn, entities)
        elif state == "info_given":
            self._after_info(flow, words, turn, entities)
        elif state == "followup_time":
            flow.remember(followup_when=" ".join((turn.text or "").split())[:120])
            flow.finish(Outcome.SCHEDULED_FOLLOWUP, "followup_requested", message="followup_done",
                        when=flow.session.context["followup_when"])  # fmt: skip
        else:
            self._open(flow, turn, entities)

    def _confirming(self, flow: Flow, words: list[str], turn: Turn, entities: Entities) -> None:
        """Yes → resolve; no → which field?; a new value said in passing → re-confirm."""
        if turn.kind is not TurnKind.CHOICE and self.correction.amend(flow, entities):
            return None
        answer = self._yes_no(words, turn, CONFIRM_YES, CONFIRM_NO)
        if answer is None:
            return self.dialogue.confirm(flow)
        return self.dialogue.confirmed(flow) if answer else self.correction.offer(flow)

    def _open(self, flow: Flow, turn: Turn, entities: Entities) -> None:
        """A new need: the person's menu choice, or what the classifier understood."""
        if turn.kind is TurnKind.CHOICE and turn.choice_id in Intent.__members__:
            flow.remember(confidence=1.0, signals=["explicit_choice"])
            flow.remember(detected=merge_detected(flow.session, [turn.choice_id]))
            return self.dialogue.start(flow, Intent(turn.choice_id), entities, source="choice")
        result = self.classifier.classify(turn.text or "")
        found = [result.intent, *result.secondary][:MAX_INTENTS_PER_SESSION]
        active = choose_active([DetectedIntent(i) for i in found])
        signals = sorted(entities.found())
        flow.remember(confidence=result.confidence, signals=signals,
                      detected=merge_detected(flow.session, [i.value for i in found]))  # fmt: skip
        queued = [QueuedIntent(i.value, turn.at, None) for i in found if i is not active]
        flow.update(queued_intents=tuple(queued[: MAX_INTENTS_PER_SESSION - 1]))
        self.dialogue.start(flow, active, entities, source="classifier")

    def _after_info(self, flow: Flow, words: list[str], turn: Turn, entities: Entities) -> None:
        answer = self._yes_no(words, turn, MORE_YES, MORE_NO)
        if answer is False:
            return flow.finish(Outcome.SELF_SERVE_INFO, "information_given", message="goodbye")
        if answer is True:
            return flow.menu()
        self._open(flow, turn, entities)

    def _yes_no(self, words: list[str], turn: Turn, yes_id: str, no_id: str) -> bool | None:
        if turn.kind is TurnKind.CHOICE and turn.choice_id in (yes_id, no_id):
            return turn.choice_id == yes_id
        if self.content.says("no", words):
            return False
        return True if self.content.says("yes", words) else None
