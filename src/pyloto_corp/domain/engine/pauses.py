"""A pause ("pera q vou atender um cliente aqui") or a pointer back ("já expliquei acima"):
no answer, and no miss either."""

from __future__ import annotations

from pyloto_corp.domain.engine import form
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.fallbacks import dangling

SHORT_ANSWER_WORDS = 8  # "nao faço ideia de valor": still a short "I don't know"
HOLD_WORDS = 8  # "pera q vou atender um cliente aqui": a pause, not an answer
FRAGMENT_WORDS = 4


def holds(flow: Flow, reading: TurnReading) -> bool:
    """ "pera q vou atender um cliente aqui", "só um minuto": the person will answer later;
    acknowledged once, the question stays pending (never stored, never counted as a miss)."""
    words = list(reading.words)
    asks = reading.question or reading.has(Act.SIDE_QUESTION)  # "pera, vc é robô?": a question
    holds = (
        not asks
        and len(words) <= HOLD_WORDS
        and any(tuple(words[: len(entry)]) == entry for entry in flow.content.vocabulary["hold"])
    )
    cut = not (asks or reading.has(Act.ANSWER)) and 0 < len(words) <= FRAGMENT_WORDS and (
        dangling(words))  # "pra minha": the rest of the sentence comes next  # fmt: skip
    if holds or cut:
        flow.say("fragment_ack" if cut else "hold_ack")
        flow.remember(fragment=" ".join((flow.turn.text or "").split()) if cut else None)
    return holds or cut


def points_back(flow: Flow, reading: TurnReading) -> bool:
    """ "já expliquei acima", "como eu disse": the answer is in an earlier message (the team
    reads it in the conversation), so the question is not asked again."""
    points = not reading.has(Act.ANSWER) and len(reading.words) <= SHORT_ANSWER_WORDS and (
        flow.content.says("pointed_back", list(reading.words)))  # fmt: skip
    if points:
        form.skip(flow, form.pending(flow), message="pointed_back")
    return points
