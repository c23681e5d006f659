"""What a message says regardless of context: the cues found once, for every rule to use."""

from __future__ import annotations

from dataclasses import dataclass

from pyloto_corp.domain.language.normalize import fold, is_laughter
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.spans import language, time_phrase

TOPIC_ORDER = ("jobs", "cnpj", "robot", "price", "where", "hours", "how_it_works")
SHORT_STOP = 4
_THUMBS = frozenset("👍👌✅🙌")


@dataclass(frozen=True, slots=True)
class Signals:
    words: tuple[str, ...]
    greeting: bool
    thanks: bool
    chatter: bool  # nothing but greetings, thanks, "ok", laughter or emoji
    small_talk: bool  # chatter beyond a greeting or a thank-you: laughter, emoji, "ok"
    human: bool
    opt_out: bool
    support: bool
    abuse: bool
    followup: bool
    when: str | None
    language: str | None
    topic: str | None
    question: bool
    negation: bool
    switch: bool
    correction: bool
    dont_know: bool
    affirm: bool
    deny: bool
    names_need: bool  # the classifier is sure a line of business is named


def _emoji_only(text: str, cues: ActCues) -> tuple[bool, bool]:
    """(only emoji, a goodbye emoji among them)."""
    marks = [ch for ch in text if not ch.isspace() and ch not in "\ufe0f\u200d"]
    emoji = bool(marks) and all(not ch.isalnum() for ch in marks)
    chars = set(marks)
    return emoji and bool(chars & (cues.emoji_small_talk | cues.emoji_goodbye)), bool(
        chars & cues.emoji_goodbye
    )


def _opts_out(words: list[str], cues: ActCues) -> bool:
    """A one-word stop ("parar", "sair") counts only in a short message."""
    spans = cues.opt_out.spans(words)
    return any(end - start > 1 or len(words) <= SHORT_STOP for start, end in spans)


def without_laughter(text: str) -> str:
    return " ".join(w for w in text.split() if not is_laughter(w))


def read_signals(
    text: str, words: list[str], cues: ActCues, *, names_need: bool, plain: list[str]
) -> Signals:
    """``plain``: the words without laughter ("kkkk")."""
    emoji, waved = _emoji_only(text, cues)
    chatty = (cues.small_talk, cues.greeting, cues.thanks, cues.goodbye, cues.affirm)
    chatter = emoji or not plain or covered(plain, *chatty)
    courtesy = bool(plain) and covered(plain, cues.greeting, cues.thanks, cues.goodbye)
    thanks = cues.thanks.find(words) or cues.goodbye.find(words) or waved
    topic = next((t for t in TOPIC_ORDER if cues.topics[t].find(words)), None)
    question = "?" in text or cues.question.starts(words) > 0
    return Signals(
        words=tuple(words),
        greeting=cues.greeting.starts(words) > 0,
        thanks=thanks,
        chatter=chatter,
        small_talk=chatter and not courtesy and not (waved and not plain),
        human=cues.human.find(words),
        opt_out=_opts_out(words, cues),
        support=cues.support.find(words),
        abuse=cues.abuse.find(words) or cues.spam.find(words),
        followup=cues.followup.find(words),
        when=time_phrase(text),
        language=language(words, cues.languages),
        topic=topic if topic and (question or topic in ("jobs", "cnpj")) else None,
        question=question,
        negation=cues.negation.find(words),
        switch=cues.switch.find(words),
        correction=cues.correction.find(words),
        dont_know=cues.dont_know.find(words),
        affirm=cues.affirm.starts(words) > 0 or (emoji and bool(set(text) & _THUMBS)),
        deny=cues.deny.starts(words) > 0,
        names_need=names_need,
    )


def same_title(text: str, title: str) -> bool:
    return " ".join(fold(text).split()).strip(" .!") == " ".join(fold(title).split())
