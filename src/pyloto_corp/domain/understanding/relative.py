"""Acts that only make sense against the pending question: a choice among the options shown,
a yes or a no, an answer or a correction, a need that changes the subject."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding import asides
from pyloto_corp.domain.understanding.acts import YES_NO, Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.answers import Answers
from pyloto_corp.domain.understanding.before import after_the_form, answer_before
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.options import opens_with, refers_to
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.spans import option_number

NOT_A_NEED = (Intent.ENTRY_UNKNOWN.value,)
SWITCH_CONFIDENCE = 0.6
FREE_TEXT_KINDS = (None, "text", "business", "name")
NEGATED_CONFIDENCE = 0.3  # "não quero mais X, quero Y": saying so is most of the evidence
MIN_UNSUPPORTED_WORDS = 3
MIN_CONFIRM_CORRECTION = 3  # words in a statement that, at the confirmation, changes a value
MENU_CONFIDENCE = 0.6
BESIDE_A_CHANGE = frozenset({Act.GREETING, Act.OTHER_LANGUAGE, Act.AFFIRM, Act.SMALL_TALK,
                             Act.DENY, Act.THANKS_GOODBYE, Act.ANSWER,
                             Act.TOPIC_CHANGE})  # fmt: skip
NOT_A_CHOICE = frozenset({Act.HUMAN_REQUEST, Act.OPT_OUT, Act.SUPPORT_ISSUE, Act.ABUSE,
                          Act.SIDE_QUESTION, Act.FOLLOWUP_REQUEST})  # fmt: skip
ANSWERED_YES_NO = frozenset({Act.AFFIRM, Act.DENY, Act.OTHER_LANGUAGE, Act.THANKS_GOODBYE})
LATER_BLOCKERS = frozenset({Act.HUMAN_REQUEST, Act.OPT_OUT, Act.SUPPORT_ISSUE, Act.ABUSE,
                            Act.MENU_CHOICE, Act.CORRECTION})  # fmt: skip
LATER_BESIDE = frozenset({Act.ANSWER, Act.AFFIRM, Act.DENY, Act.FOLLOWUP_REQUEST})
_NONE_OF_THEM = frozenset(("nenhuma", "nenhum"))


class Relative:
    def __init__(self, cues: ActCues, answers: Answers) -> None:
        self.cues, self.answers = cues, answers

    def acts(
        self, text: str, s: Signals, need: Classification, context: ReadingContext, *,
        found: dict[str, Any], said: set[Act],
    ) -> set[Act]:  # fmt: skip
        """``said``: the context-free acts; returns them with the relative ones."""
        acts = set(said) | self._choice(text, s, need, context, found=found, said=said)
        if context.pending in YES_NO:
            acts |= self._yes_no(s, context, found)
            if Act.FOLLOWUP_REQUEST in said:  # "agora nao, me procura depois": only later
                acts.discard(Act.DENY)
        if context.pending is Pending.SLOT:
            acts |= self.answers.slot(text, s, context, found, found["entities"])
        changed = self._topic_change(s, need, context, found, acts)
        if Act.TOPIC_CHANGE not in changed:
            changed = _later_change(s, context, found, changed)
        if Act.TOPIC_CHANGE in changed and found.get("negates"):
            return changed  # "pensando bem, quero o site": a new need, not a corrected field
        if context.pending is Pending.CONFIRM and self._corrects(text, s, context, found, acts):
            changed.add(Act.CORRECTION)
        found["fixed"] = not changed & NOT_A_CHOICE and after_the_form(s, context, found[
            "entities"], self.cues)  # "só corrigindo, o orçamento é 30 mil"  # fmt: skip
        return (changed - {Act.TOPIC_CHANGE}) | {Act.CORRECTION} if found["fixed"] else changed

    def _choice(
        self, text: str, s: Signals, need: Classification, context: ReadingContext, *,
        found: dict[str, Any], said: set[Act],
    ) -> set[Act]:  # fmt: skip
        """An option's title typed, a number, "opção N", or (at the menu) its need named."""
        if not context.options:
            return set()
        typed = tokens(text)
        earlier = context.state in ("new", "closed")  # an earlier menu: only "opção 2" picks
        typed_titles = (i for i, t in context.options if opens_with(typed, tokens(t)))
        titled = None if earlier else next(typed_titles, None)
        menu = context.pending is Pending.MENU or (earlier and "opcao" in typed)
        number = option_number(fold(text).strip(), len(context.options)) if menu else None
        if titled is None and number is not None:
            titled = context.options[number - 1][0]
        declined = bool(set(typed[:1]) & _NONE_OF_THEM)
        if titled is None and menu and not said & NOT_A_CHOICE and not declined:
            titles = dict(context.options)
            sure = need.intent.value in titles and need.confidence >= MENU_CONFIDENCE
            title = titles.get(need.intent.value, "")
            named = sure and refers_to(typed, tokens(title), self.cues.menu_words)
            titled = need.intent.value if named and not s.topic else None
        if titled is None:
            return set()
        found["choice"], found["titled"] = titled, True
        found["intent"] = titled if titled in Intent.__members__ else None
        return {Act.MENU_CHOICE}

    def _yes_no(self, s: Signals, context: ReadingContext, found: dict[str, Any]) -> set[Act]:
        choice = str(found.get("choice") or "")
        if choice.endswith("_no"):
            return {Act.DENY}
        if choice.endswith("_yes"):
            return {Act.AFFIRM}
        wrong = context.pending is Pending.CONFIRM and self.cues.wrong.find(s.words)
        done = context.pending is Pending.ANYTHING_ELSE and self.cues.goodbye.starts(s.words)
        if s.deny or wrong or done:
            return {Act.DENY}
        acknowledged = context.pending is Pending.ANYTHING_ELSE and s.ack
        return {Act.AFFIRM} if s.affirm and not acknowledged else set()

    def _corrects(
        self, text: str, s: Signals, context: ReadingContext, found: dict[str, Any],
        acts: set[Act],
    ) -> bool:  # fmt: skip
        """At the confirmation: a value changed, or a statement beside no other act."""
        rest = " ".join(tokens(text)[len(tokens(_title(context, found))):]) if found.get(
            "titled") else text  # fmt: skip
        if not rest.strip():
            return False
        busy = acts & (NOT_A_CHOICE | ANSWERED_YES_NO)
        entities = None if acts & NOT_A_CHOICE or s.chatter else found["entities"]
        if self.answers.corrects(rest, s, context, entities):
            return True
        quiet = not (busy or s.question or s.dont_know or s.deflects or s.chatter)
        return quiet and len(s.words) >= MIN_CONFIRM_CORRECTION

    def _both(self, s: Signals, need: Classification, context: ReadingContext) -> str | None:
        """ "pensando bem, quero os dois: o robô e o sistema de estoque": the other need."""
        return _first_other(need, context.intent) if self.cues.both.find(s.words) else None

    def _topic_change(
        self, s: Signals, need: Classification, context: ReadingContext, found: dict[str, Any],
        acts: set[Act],
    ) -> set[Act]:  # fmt: skip
        intent = need.intent.value
        if intent == context.intent and (other := self._both(s, need, context)) is not None:
            found["intent"], found["negates"] = other, False  # "quero os dois": one more need
            found.pop("answer", None)
            return (acts - {Act.ANSWER, Act.NON_ANSWER}) | {Act.TOPIC_CHANGE}
        if Act.MENU_CHOICE in acts or intent in NOT_A_NEED or intent == context.intent:
            return acts
        own = self.cues.own_words.find(s.words)  # "... quero um pra minha loja"
        served = asides.service_asked(s, need, context, acts, own=own)  # "ele pode se cadastrar?"
        acts = _changed_mind(s, need, acts) - served
        praised = self.cues.praise.find(s.words) and not (s.question or self.cues.wants.find(
            s.words))  # "meu cunhado fez um app com vcs e elogiou demais": no need  # fmt: skip
        if s.chatter or s.spam or acts - BESIDE_A_CHANGE or (s.reaction and not s.switch) or (
                praised):  # fmt: skip
            return acts
        if intent == Intent.UNSUPPORTED.value:
            open_question = context.pending in (Pending.NONE, Pending.MENU, Pending.ANYTHING_ELSE)
            least = MIN_UNSUPPORTED_WORDS - 1 if s.question else MIN_UNSUPPORTED_WORDS
            asked = s.question or self.cues.wants.find(s.words)  # "e o mengão ontem": chat
            wanted = open_question and len(s.words) >= least and Act.AFFIRM not in acts and asked
        elif context.pending in (Pending.NONE, Pending.ANYTHING_ELSE, Pending.MENU):
            wanted = True  # nothing asked but "what do you need?": a need in one's own words
        else:
            sure = need.confidence >= SWITCH_CONFIDENCE
            told = asides.told_in_story(self.cues, s.words) and not (s.switch or sure)  # "erra
            # pedido, esquece o adicional de bacon" tells something; "esquece o app" drops it
            negated = s.negation and need.confidence >= NEGATED_CONFIDENCE and not told
            switched = s.switch and not asides.only_joined(self.cues, s.words, context.slot_kind)
            wanted = (switched and sure) or negated or bool(served)
        if not wanted:
            return acts
        both = self.cues.both.find(s.words)  # "pensando bem, quero os dois": nothing given up
        found["intent"], found["negates"] = intent, s.negation and bool(context.intent) and not both
        if found["negates"] or context.slot_kind in FREE_TEXT_KINDS:  # the answer was the change
            acts = acts - {Act.ANSWER} | answer_before(self.answers, s, context, found, intent)
        return acts | {Act.TOPIC_CHANGE}  # "umas 60 por noite. ah, e o robô do whats?": both


def _first_other(need: Classification, current: str | None) -> str | None:
    return next((i.value for i in need.secondary
                 if i.value != current and i.value not in NOT_A_NEED), None)  # fmt: skip


def _changed_mind(s: Signals, need: Classification, acts: set[Act]) -> set[Act]:
    """ "mudei de ideia, quero trabalhar de entregador": the need changes, not a value."""
    told = (s.switch or s.negation) and need.confidence >= SWITCH_CONFIDENCE
    if told and acts - BESIDE_A_CHANGE == {Act.CORRECTION} and Act.ANSWER not in acts:
        return acts - {Act.CORRECTION}
    return acts


def _later_change(
    s: Signals, context: ReadingContext, found: dict[str, Any], acts: set[Act]
) -> set[Act]:
    """A need in a later sentence, beside the answer ("Betim. e tb tenho uma lojinha...")."""
    later: Classification | None = (found.get("later") or (None,))[0]
    asks_service = Act.SIDE_QUESTION not in acts or s.topic in asides.SERVICE_TOPICS
    first = bool(acts & LATER_BESIDE) or s.negation  # the question was dealt with first
    if later is None or s.spam or acts & LATER_BLOCKERS or not (asks_service and first):
        return acts
    found["intent"], found["negates"] = later.intent.value, s.negation and bool(context.intent)
    if found["negates"]:
        found.pop("answer", None)
        acts = acts - {Act.ANSWER}
    return (acts - {Act.SIDE_QUESTION, Act.NON_ANSWER}) | {Act.TOPIC_CHANGE}


def _title(context: ReadingContext, found: dict[str, Any]) -> str:
    return dict(context.options).get(found.get("choice") or "", "")
