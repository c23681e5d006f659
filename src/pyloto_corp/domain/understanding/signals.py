"""What a message says regardless of context: the cues found once, for every rule to use."""

from __future__ import annotations

from dataclasses import dataclass

from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.curses import insulting
from pyloto_corp.domain.understanding.phrases import Found, found_in
from pyloto_corp.domain.understanding.spans import clauses, language, time_phrase

TOPIC_ORDER = ("jobs", "cnpj", "robot", "phone", "price", "where", "hours", "how_it_works", "other")
FREE_TOPICS = ("jobs",)  # asked about even without a question ("queria mandar meu curriculo")
SHORT_STOP = 4
STOP_BESIDE = 2  # words besides a stop that tell the language it is written in
_THUMBS = frozenset("👍👌✅🙌")
_RUDE = frozenset("🖕")  # the finger is abuse, never small talk


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
    spam: bool = False
    social: bool = False  # laughter or "tudo bem?": small talk even beside other acts
    reaction: bool = False  # "que bom", "gostei": small talk when nothing else is said
    ack: bool = False  # the yes is only an acknowledgement ("ok", "blz entao")
    deflects: bool = False  # "depende", "ja disse": the question is put aside
    waved: bool = False  # only a goodbye emoji, laughter or nothing at all
    topics: tuple[str, ...] = ()  # every topic asked, ``topic`` first


def _emoji_only(text: str, cues: ActCues) -> tuple[bool, bool]:
    """(only emoji, a goodbye emoji among them)."""
    marks = [ch for ch in text if not ch.isspace() and ch not in "\ufe0f\u200d"]
    emoji = bool(marks) and all(not ch.isalnum() for ch in marks)
    chars = set(marks)
    return emoji and bool(chars & (cues.emoji_small_talk | cues.emoji_goodbye)), bool(
        chars & cues.emoji_goodbye
    )


def _opts_out(f: Found, *, names_need: bool) -> bool:
    """A one-word stop ("parar", "sair") counts only in a short message naming no need."""
    short = len(f.words) <= SHORT_STOP and not names_need
    return any(end - start > 1 or short for start, end in f.opt_out)


def without_laughter(text: str) -> str:
    return " ".join(w for w in text.split() if not is_laughter(w))


def _language(words: list[str], f: Found, cues: ActCues) -> str | None:
    """The language of what is said besides a stop word ("STOP", "unsubscribe please" are
    a stop, in any language; "no me manden más mensajes" is Spanish)."""
    rest = [w for i, w in enumerate(f.words) if not any(a <= i < b for a, b in f.opt_out)]
    if f.opt_out and len(rest) < STOP_BESIDE:
        return None
    return language(words, cues.languages)


def _topics(text: str, f: Found, cues: ActCues, question: bool) -> tuple[str, ...]:
    """The topics asked, the main one first ("onde vcs ficam? qual o cnpj?": both), read in
    the sentences that ask ("responder preço e tamanho. e o instagram??": no price asked);
    "a cnh tá vencida. tem problema?" asks about what was just said."""
    if not question:  # only a topic asked even without a question ("mandar meu currículo")
        return tuple(t for t in FREE_TOPICS if cues.topics[t].find(f.words))
    parts = clauses(text)  # a sentence that ends in "." or "!" before the last one states
    asked = [tokens(c, cues.abbreviations) for i, c in enumerate(parts)
             if c.endswith("?") or i == len(parts) - 1]  # fmt: skip
    topics = _topics_in([w for a in asked for w in a], cues)
    if not topics and not any(a[:1] == ["e"] for a in asked):  # not "e o instagram?"
        topics = _topics_in(list(f.words), cues)
    return topics


def _topics_in(words: list[str], cues: ActCues) -> tuple[str, ...]:
    booking = cues.not_hours.find(words)  # "marcar horário sozinho dá?": no opening hours
    trial = ["how_it_works"] if cues.trial.find(words) else []  # "tem teste grátis?"
    found = [t for t in TOPIC_ORDER if cues.topics[t].find(words)
             and not (t == "hours" and booking)]  # fmt: skip
    return tuple(dict.fromkeys(trial + found))


def _social(clause: str, cues: ActCues) -> bool:
    """ "tudo bem?", "oi?": a question that only greets ("boa tarde, tudo bem? aqui é da
    padaria em Castro" tells the city; it asks nothing)."""
    words = tokens(clause, cues.abbreviations)
    return bool(words) and covered(words, cues.greeting, cues.how_are_you, cues.filler)


def read_signals(
    text: str, words: list[str], cues: ActCues, *, names_need: bool, plain: list[str]
) -> Signals:
    """``plain``: the words without laughter ("kkkk")."""
    emoji, waved = _emoji_only(text, cues)
    f = found_in(text, cues)
    chatty = (cues.small_talk, cues.greeting, cues.thanks, cues.goodbye, cues.affirm, cues.filler)
    chatter = emoji or not plain or covered(plain, *chatty)
    courtesy = bool(plain) and covered(plain, cues.greeting, cues.thanks, cues.goodbye)
    asked = [c for c in clauses(text) if c.endswith("?")]
    question = f.asks or ("?" in text and not (asked and all(_social(c, cues) for c in asked)))
    spam = cues.spam.find(words)
    affirm = f.affirm or (emoji and bool(set(text) & _THUMBS))
    rude = bool(set(text) & _RUDE)
    topics = () if spam else _topics(text, f, cues, question)
    talk = chatter and not courtesy and not rude
    return Signals(
        words=tuple(words), greeting=f.greeting and not spam, thanks=f.thanks or waved,
        chatter=chatter, small_talk=talk and not (waved and not plain),
        human=f.human, support=f.support,
        opt_out=_opts_out(f, names_need=names_need) or cues.stop_alone.whole(plain),
        abuse=insulting(words, cues) or spam or rude, followup=f.followup, when=time_phrase(text),
        language=_language(words, f, cues), topic=topics[0] if topics else None, topics=topics,
        question=question, negation=cues.negation.find(words),
        switch=f.switch,
        correction=cues.correction.find(words), dont_know=cues.dont_know.find(words),
        affirm=affirm, deny=f.deny, names_need=names_need, spam=spam,
        social=len(plain) < len(words) or cues.how_are_you.find(words),
        reaction=cues.reaction.find(words), ack=f.ack, deflects=cues.deflect.find(words),
        waved=waved and not plain,
    )  # fmt: skip


def same_title(text: str, title: str) -> bool:
    return " ".join(fold(text).split()).strip(" .!") == " ".join(fold(title).split())
