"""What is only chat: ``NON_ANSWER`` with a question pending, otherwise ``SMALL_TALK``."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.acts import YES_NO, Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.signals import Signals

STRONG = frozenset({Act.HUMAN_REQUEST, Act.OPT_OUT, Act.SUPPORT_ISSUE, Act.ABUSE,
                    Act.SIDE_QUESTION, Act.TOPIC_CHANGE, Act.FOLLOWUP_REQUEST})  # fmt: skip
ANSWERED = frozenset({Act.ANSWER, Act.AFFIRM, Act.DENY, Act.CORRECTION, Act.MENU_CHOICE})
COURTEOUS = frozenset({Act.THANKS_GOODBYE, Act.GREETING, Act.DENY, Act.AFFIRM, Act.MENU_CHOICE})
QUESTION_PENDING = (Pending.SLOT, Pending.CONFIRM, Pending.FOLLOWUP_TIME)
NOTHING_ASKED = (Pending.NONE, Pending.MENU)  # no question the message could answer
TIME_ALONE = 4  # "amanhã às 10h": a time, not chat ("farmácia cheia hoje" is chat)
_TAIL = re.compile(r"[,;]\s*([^,;]+)$")


def social_tail(text: str, cues: ActCues) -> str:
    """ "loja de autopeças, tudo bem?": the answer without the courtesy said after it."""
    tail = _TAIL.search(text.rstrip())
    words = tokens(tail.group(1), cues.abbreviations) if tail else []
    social = bool(words) and covered(words, cues.how_are_you, cues.greeting, cues.filler)
    return text[: tail.start()] if tail and social else text


def chatter(
    acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues, *, told: bool
) -> set[Act]:
    """NON_ANSWER with a question pending; otherwise SMALL_TALK for what is only chat."""
    if context.pending in QUESTION_PENDING:
        return _non_answer(acts, s, context, cues)
    if _chatting(acts, s, context, cues):
        return acts | {Act.SMALL_TALK}
    if not acts and context.pending in NOTHING_ASKED and s.words and not (s.question or told):
        return _idle(s, cues)
    return acts


def _chatting(acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues) -> bool:
    """Nothing asked, and chat besides what was done ("tudo bem?", "kkk", "vcs são show")."""
    others = acts - {Act.GREETING, Act.OTHER_LANGUAGE}
    quiet = not acts & (STRONG | ANSWERED) - {Act.TOPIC_CHANGE}
    asked_how = Act.GREETING in acts and cues.how_are_you.find(s.words) and not acts & (
        ANSWERED | {Act.OPT_OUT, Act.ABUSE})  # fmt: skip
    return bool(
        (s.social and quiet and not s.waved)
        or asked_how  # "tudo bem? o motoboy sumiu"
        or ((s.small_talk or s.reaction) and not others)
        or (context.pending in YES_NO and s.ack and not others)
        or (Act.THANKS_GOODBYE in acts and acts <= COURTEOUS and _praises(s, cues))
    )  # "obrigada, vcs são uns amores": a compliment besides the thanks


def _praises(s: Signals, cues: ActCues) -> bool:
    """A compliment besides the courtesy ("show de bola, vlw" is only thanks)."""
    return not s.chatter and cues.praise.find(s.words)


def _idle(s: Signals, cues: ActCues) -> set[Act]:
    """ "e o mengão ontem, hein", "to só olhando": nothing to act on; "quero um empréstimo"
    (a request) and "amanhã às 10h" (a time, maybe for the call offered) are something."""
    timed = s.when is not None and len(s.words) <= TIME_ALONE
    return set() if timed or cues.wants.find(s.words) else {Act.SMALL_TALK}


def _non_answer(acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues) -> set[Act]:
    """With a question pending, what neither answers it nor does anything else."""
    strong = STRONG | {Act.OTHER_LANGUAGE}
    if Act.ABUSE in acts and (s.deflects or _names_asked(s, context, cues)):
        strong = strong - {Act.ABUSE}
    if acts & (ANSWERED | strong):
        return acts
    return (acts - {Act.SMALL_TALK}) | {Act.NON_ANSWER}


def _names_asked(s: Signals, context: ReadingContext, cues: ActCues) -> bool:
    """The abuse is about the question itself ("que se foda a cidade")."""
    phrases = cues.fields.get(context.slot or "")
    return phrases is not None and phrases.find(s.words)
