"""One reading per turn: the acts of a message relative to what the bot asked last."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding.acts import YES_NO, Act, Pending, ReadingContext, TurnReading
from pyloto_corp.domain.understanding.answers import Answers
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.signals import (
    Signals,
    read_signals,
    same_title,
    without_laughter,
)
from pyloto_corp.domain.understanding.spans import option_number

NOT_A_NEED = (Intent.ENTRY_UNKNOWN.value,)
SWITCH_CONFIDENCE = 0.75
MIN_UNSUPPORTED_WORDS = 3
MENU_CONFIDENCE = 0.6
STRONG = frozenset({Act.HUMAN_REQUEST, Act.OPT_OUT, Act.SUPPORT_ISSUE, Act.ABUSE,
                    Act.SIDE_QUESTION, Act.TOPIC_CHANGE, Act.FOLLOWUP_REQUEST})  # fmt: skip


class TurnReader:
    """Pure: the cues, the intent classifier and the gazetteer come in as data."""

    def __init__(self, cues: ActCues, classifier: Any, gazetteer: Gazetteer) -> None:
        self.cues, self.classifier, self.gazetteer = cues, classifier, gazetteer
        self.answers = Answers(cues, gazetteer)

    def read(self, text: str, context: ReadingContext) -> TurnReading:
        words = tokens(text, self.gazetteer.abbreviations)
        need: Classification = self.classifier.classify(text)
        named = need.intent.value not in (*NOT_A_NEED, Intent.UNSUPPORTED.value) and (
            need.confidence >= SWITCH_CONFIDENCE)  # fmt: skip
        plain = tokens(without_laughter(text), self.gazetteer.abbreviations)
        signals = read_signals(text, words, self.cues, names_need=named, plain=plain)
        entities = extract(text, self.gazetteer)
        acts = set(self._global(signals, context))
        found: dict[str, Any] = {}
        found["entities"] = entities
        acts |= self._relative(text, signals, need, context, found=found, said=acts)
        if context.pending in (Pending.SLOT, Pending.CONFIRM, Pending.FOLLOWUP_TIME):
            acts = self._non_answer(acts, signals)
        elif signals.small_talk and not acts - {Act.GREETING, Act.THANKS_GOODBYE}:
            acts.add(Act.SMALL_TALK)
        return TurnReading(
            acts=frozenset(acts), values=entities.found(), answer=found.get("answer"),
            topic=signals.topic if Act.SIDE_QUESTION in acts else None,
            intent=found.get("intent"), negates=bool(found.get("negates")),
            choice=found.get("choice"), when=signals.when, language=signals.language,
            confidence=need.confidence, words=signals.words, entities=entities,
        )  # fmt: skip

    def _global(self, s: Signals, context: ReadingContext) -> set[Act]:
        acts = {act for act, on in ((Act.HUMAN_REQUEST, s.human), (Act.SUPPORT_ISSUE, s.support),
                (Act.ABUSE, s.abuse), (Act.OTHER_LANGUAGE, s.language is not None),
                (Act.GREETING, s.greeting), (Act.THANKS_GOODBYE, s.thanks),
                (Act.SIDE_QUESTION, s.topic is not None)) if on}  # fmt: skip
        goodbye = context.pending is Pending.ANYTHING_ELSE and self.cues.goodbye.find(s.words)
        if s.opt_out and not goodbye and not s.names_need:
            acts.add(Act.OPT_OUT)
        if s.followup or (context.pending is Pending.FOLLOWUP_TIME and s.when):
            acts.add(Act.FOLLOWUP_REQUEST)
        return acts

    def _relative(
        self, text: str, s: Signals, need: Classification, context: ReadingContext, *,
        found: dict[str, Any], said: set[Act],
    ) -> set[Act]:  # fmt: skip
        """Acts that only make sense against the pending question (``said``: the others)."""
        entities: Entities = found["entities"]
        acts = self._choice(text, s, need, context, found)
        if context.pending in YES_NO:
            acts |= self._yes_no(s, context)
        if context.pending is Pending.SLOT:
            acts |= self.answers.slot(text, s, context, found, entities)
        if context.pending is Pending.CONFIRM and self.answers.corrects(s, context, entities):
            acts.add(Act.CORRECTION)
        return acts | self._topic_change(s, need, context, found, acts | said)

    def _choice(
        self, text: str, s: Signals, need: Classification, context: ReadingContext,
        found: dict[str, Any],
    ) -> set[Act]:  # fmt: skip
        """A number, "opção N", an option's title typed, or (at the menu) a need named."""
        if not context.options:
            return set()
        titled = next((i for i, t in context.options if same_title(text, t)), None)
        number = option_number(fold(text).strip(), len(context.options))
        if titled is None and number is not None and context.pending is Pending.MENU:
            titled = context.options[number - 1][0]
        if titled is None and context.pending is Pending.MENU:
            ids = {i for i, _ in context.options}
            named = need.intent.value in ids and need.confidence >= MENU_CONFIDENCE
            titled = need.intent.value if named and not s.topic else None
        if titled is None:
            return set()
        found["choice"] = titled
        found["intent"] = titled if titled in Intent.__members__ else None
        return {Act.MENU_CHOICE}

    def _yes_no(self, s: Signals, context: ReadingContext) -> set[Act]:
        if s.deny or (context.pending is Pending.ANYTHING_ELSE and self.cues.goodbye.starts(
                s.words)):  # fmt: skip
            return {Act.DENY}
        return {Act.AFFIRM} if s.affirm else set()

    def _topic_change(
        self, s: Signals, need: Classification, context: ReadingContext, found: dict[str, Any],
        acts: set[Act],
    ) -> set[Act]:  # fmt: skip
        intent = need.intent.value
        if Act.MENU_CHOICE in acts or intent in NOT_A_NEED or intent == context.intent:
            return set()
        if s.chatter or acts & {Act.SUPPORT_ISSUE, Act.HUMAN_REQUEST, Act.OPT_OUT, Act.ABUSE}:
            return set()
        if intent == Intent.UNSUPPORTED.value:
            open_question = context.pending in (Pending.NONE, Pending.MENU, Pending.ANYTHING_ELSE)
            substantial = len(s.words) >= MIN_UNSUPPORTED_WORDS
            wanted = open_question and substantial and not acts - {Act.GREETING}
        elif context.pending in (Pending.NONE, Pending.ANYTHING_ELSE):
            wanted = not (s.topic and intent == Intent.INSTITUTIONAL.value)
        else:
            wanted = (s.switch or s.negation) and need.confidence >= SWITCH_CONFIDENCE
        if not wanted or (
            context.pending is Pending.SLOT and Act.ANSWER in acts and not s.negation
        ):
            return set()
        found["intent"], found["negates"] = intent, s.negation and context.intent is not None
        return {Act.TOPIC_CHANGE}

    def _non_answer(self, acts: set[Act], s: Signals) -> set[Act]:
        """With a question pending, what neither answers it nor does anything else."""
        answered = {Act.ANSWER, Act.AFFIRM, Act.DENY, Act.CORRECTION, Act.MENU_CHOICE}
        if acts & (answered | STRONG | {Act.OTHER_LANGUAGE}):
            return acts
        return (acts - {Act.SMALL_TALK}) | {Act.NON_ANSWER}
