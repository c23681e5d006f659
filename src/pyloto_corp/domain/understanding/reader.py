"""One reading per turn: the acts of a message relative to what the bot asked last."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.moments import window
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding.act_model import ActModel, language_of, second_opinion
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext, TurnReading
from pyloto_corp.domain.understanding.answers import Answers
from pyloto_corp.domain.understanding.asides import (
    ASIDE_OR_FIX,
    asked_apart,
    asked_aside,
    held_back,
    own_trouble,
    pitches,
    sure_later,
)
from pyloto_corp.domain.understanding.chatter import QUESTION_PENDING, chatter
from pyloto_corp.domain.understanding.cues import REFUSALS, ActCues, courtesy_prefix, covered
from pyloto_corp.domain.understanding.fixes import fixes
from pyloto_corp.domain.understanding.foreign import foreign_question
from pyloto_corp.domain.understanding.forms import labelled
from pyloto_corp.domain.understanding.needs import (
    courier,
    guessed,
    introduced,
    needs_of,
    withdraws,
)
from pyloto_corp.domain.understanding.phrases import inside
from pyloto_corp.domain.understanding.relative import Relative
from pyloto_corp.domain.understanding.signals import Signals, read_signals, without_laughter
from pyloto_corp.domain.understanding.spans import clauses

NOT_A_NEED = (Intent.ENTRY_UNKNOWN.value,)
NOT_LATER = (*NOT_A_NEED, Intent.INSTITUTIONAL.value)  # "qual o cnpj?": a side question
SWITCH_CONFIDENCE = 0.75
AFTER_NEGATION = 0.5  # the need said after refusing another one
LATER_CUED = 0.4  # "... e tb preciso mandar uma caixa": a later need, cued, is enough
LATER_UNSUPPORTED = 0.6
_AFTER = re.compile(r"[,.;!?]+")  # where the need named after a negation starts
_ROLES = ("jobs",)  # "vaga pra atendente?" asks for a job, not for an attendant


class TurnReader:
    """Pure: the cues, the intent classifier and the gazetteer come in as data."""

    def __init__(
        self, cues: ActCues, classifier: Any, gazetteer: Gazetteer, model: ActModel | None = None
    ) -> None:
        """``model``: the learned second opinion on the rules (``act_model``), if any."""
        self.cues, self.classifier, self.gazetteer, self.model = cues, classifier, gazetteer, model
        self.answers = Answers(cues, gazetteer)
        self.relative = Relative(cues, self.answers)

    def read(self, text: str, context: ReadingContext) -> TurnReading:
        words = tokens(text, self.gazetteer.abbreviations)
        need: Classification = self._need(text, words)
        named = need.intent.value not in (*NOT_A_NEED, Intent.UNSUPPORTED.value) and (
            need.confidence >= SWITCH_CONFIDENCE)  # fmt: skip
        plain = tokens(without_laughter(text), self.gazetteer.abbreviations)
        signals = read_signals(text, words, self.cues, names_need=named, plain=plain)
        need = self._after_negation(text, signals, need, context)
        entities = with_form(
            extract(text, self.gazetteer, context.today),
            labelled(text, self.gazetteer, context.today),
        )
        acts = set(self._global(signals, context, need))
        found: dict[str, Any] = {"entities": entities, "later": self._later_need(text, context)}
        acts = self.relative.acts(text, signals, need, context, found=found, said=acts)
        acts = asked_aside(text, acts, signals, context, self.cues)
        acts = chatter(acts, signals, context, self.cues, told=bool(entities.found()))
        acts = own_trouble(acts, signals, context, self.cues)
        if self.model is not None:
            called = Act.FOLLOWUP_REQUEST in acts and signals.followup and signals.when
            later = sure_later(
                acts, found.get("later"), text, self.cues
            )  # "... ta, e o robô do whats?"
            priced = {Act.ANSWER, Act.SIDE_QUESTION} <= acts and "price" in signals.topics and (
                not acts & {Act.ABUSE, Act.SUPPORT_ISSUE})  # "uns 2 meses. e o preço?"  # fmt: skip
            priced = priced or asked_apart(text, acts, self.cues)  # "... ah e vcs fazem site?"
            acts = set(second_opinion(self.model, acts, signals.words, context, text))
            acts |= {Act.FOLLOWUP_REQUEST} if called else set()  # "... me liga amanhã à tarde"
            acts |= {Act.TOPIC_CHANGE} if later and not acts & ASIDE_OR_FIX else set()
            acts |= {Act.SIDE_QUESTION} if priced else set()
            acts |= {Act.CORRECTION} if found.get("fixed") else set()  # after the form: unseen
        acts = held_back(foreign_question(acts, signals), signals.words, context)
        return TurnReading(
            acts=frozenset(acts), values=entities.found(), answer=found.get("answer"),
            topic=(signals.topic or "other") if Act.SIDE_QUESTION in acts else None,
            topics=signals.topics if Act.SIDE_QUESTION in acts else (),
            intent=found.get("intent"), negates=bool(found.get("negates")),
            choice=found.get("choice"), when=signals.when,
            when_window=_window(text, signals, context),
            language=language_of(acts, signals.language, signals.words),
            confidence=need.confidence, words=signals.words, entities=entities,
            promotion=signals.spam and Act.ABUSE in acts, question=signals.question,
            withdraws=withdraws(self.cues, signals, context, acts, need),
            needs=needs_of(need),
            fixes=self._fixes(text, context),
        )  # fmt: skip

    def _need(self, text: str, words: list[str]) -> Classification:
        """The need named; after a greeting ("boa tarde, tudo bem? preciso de um sistema"),
        the need of what follows it, which the greeting words would drown."""
        need: Classification = guessed(self.classifier.classify(text), text)
        greeted = courtesy_prefix(words, self.cues)
        after = " ".join(words[greeted:]) if 0 < greeted < len(words) else introduced(text)
        if not after:  # no greeting, no "sou dentista e ..." before what is wanted
            return need
        rest: Classification = self.classifier.classify(after)
        unknown = need.intent.value in NOT_A_NEED
        named = rest.intent.value not in (*NOT_A_NEED, Intent.UNSUPPORTED.value)  # "oi de novo"
        better = named and (unknown or rest.confidence > need.confidence)
        return rest if better else need

    def _fixes(self, text: str, context: ReadingContext) -> dict[str, Any]:
        """At the summary: the fields the message names, each with its new value."""
        if not context.kinds:
            return {}
        return fixes(text, self.cues.fields, context, self.gazetteer)

    def _after_negation(
        self, text: str, s: Signals, need: Classification, context: ReadingContext
    ) -> Classification:
        """ "nao quero mais o app, quero um site": the need is what follows the negation;
        "n quero pedir entrega nao, quero ser o motoboy": the need negated first is not it."""
        parts = _AFTER.split(text, maxsplit=1)
        if len(parts) < 2 or not parts[1].strip():
            return need
        current = s.negation and bool(context.intent) and need.intent.value == context.intent
        refused_first = tuple(tokens(parts[0], self.gazetteer.abbreviations)[:2]) in REFUSALS
        if not (current or refused_first):
            return need
        rest: Classification = self.classifier.classify(parts[1])
        refused = (*NOT_A_NEED, Intent.UNSUPPORTED.value, need.intent.value)
        sure = current or rest.confidence >= AFTER_NEGATION
        return rest if rest.intent.value not in refused and sure else need

    def _later_need(self, text: str, context: ReadingContext) -> tuple[Any, ...] | None:
        """ "Betim. e tb tenho uma lojinha...": a need named in a later sentence (and what
        was said before it)."""
        parts = clauses(text) if context.pending in QUESTION_PENDING else []
        said = [tokens(p, self.gazetteer.abbreviations) for p in parts]
        c = self.cues
        opening = next((i for i, w in enumerate(said) if not covered(w, c.greeting, c.filler)), 0)
        for i in range(opening + 1, len(parts)):
            cued = self.cues.switch.find(said[i]) or (  # "ta, e o robô do whats?"
                len(said[i]) == 1 and i + 1 < len(said) and self.cues.switch.find(said[i + 1])
            )
            later: Classification = self.classifier.classify(" ".join(parts[i:]))
            intent = later.intent.value
            floor = LATER_CUED if cued else SWITCH_CONFIDENCE
            if intent == Intent.UNSUPPORTED.value:
                floor = LATER_UNSUPPORTED if cued else 1.0
            if intent not in (*NOT_LATER, context.intent) and later.confidence >= floor:
                return later, text[: text.find(parts[i])], cued  # "Betim. " (not "olha:")
        return None

    def _global(self, s: Signals, context: ReadingContext, need: Classification) -> set[Act]:
        hired, pitched = s.topic in _ROLES, pitches(s, need, self.cues)  # "queria um chatbot"
        acts = {act for act, on in ((Act.HUMAN_REQUEST, s.human and not hired),
                (Act.SUPPORT_ISSUE, s.support and not s.spam and not pitched),
                (Act.ABUSE, s.abuse), (Act.OTHER_LANGUAGE, s.language is not None),
                (Act.GREETING, s.greeting), (Act.THANKS_GOODBYE, s.thanks),
                (Act.SIDE_QUESTION, s.topic is not None and not s.support and not (
                    courier(s, need)))) if on}  # fmt: skip
        goodbye = context.pending is Pending.ANYTHING_ELSE and inside(
            self.cues.opt_out.spans(s.words), self.cues.goodbye.spans(s.words)
        )
        if s.opt_out and not goodbye:
            acts.add(Act.OPT_OUT)
        timed = s.when or self.cues.any_time.find(s.words)  # "qualquer hora tá bom"
        if s.followup or (context.pending is Pending.FOLLOWUP_TIME and timed):
            acts.add(Act.FOLLOWUP_REQUEST)
        return acts


def with_form(entities: Any, form: dict[str, Any]) -> Any:
    """A pasted form's values win over what the free reading found."""
    if not form:
        return entities
    business = True if form.get("business_name") else entities.is_business
    return dataclasses.replace(entities, **form, is_business=business)


def _window(text: str, s: Signals, context: ReadingContext) -> str | None:
    """The call-back window, when a time was said or the bot asked for one."""
    asked = context.pending is Pending.FOLLOWUP_TIME
    return window(fold(text), context.now) if context.now and (s.when or asked) else None
