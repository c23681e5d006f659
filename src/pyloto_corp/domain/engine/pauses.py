"""A pause ("pera q vou atender um cliente aqui"), a pointer back ("já expliquei acima") or
"pq?" about the question: no answer, and no miss either."""

from __future__ import annotations

from pyloto_corp.domain.engine import form
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.fallbacks import dangling
from pyloto_corp.domain.understanding.spans import clauses

SHORT_ANSWER_WORDS = 8  # "nao faço ideia de valor": still a short "I don't know"
HOLD_WORDS = 8  # "pera q vou atender um cliente aqui": a pause, not an answer
FRAGMENT_WORDS = 4
POINTED_WORDS = 12  # "cara ja falei tudo ai em cima, le a mensagem": still pointing back


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
    points = not reading.has(Act.ANSWER) and len(reading.words) <= POINTED_WORDS and (
        flow.content.says("pointed_back", list(reading.words)))  # fmt: skip
    if points:
        form.skip(flow, form.pending(flow), message="pointed_back")
    return points


WHY_WORDS = 8  # "mas pra que vc quer saber isso?": a short question about the question


def asks_why(flow: Flow, reading: TurnReading) -> bool:
    """ "pq?", "pra que vc quer saber?": why it is asked, said plainly, then the question again
    (once a field; asked again, it counts as a miss as before)."""
    words, slot = list(reading.words), form.pending(flow)
    short = not reading.has(Act.ANSWER) and len(words) <= WHY_WORDS
    why = short and flow.content.says("why", words)
    unclear = short and not why and flow.content.says("clarify", words)  # "como assim?"
    if not (why or unclear) or flow.session.context.get("why_told") == slot.name:
        return False
    flow.remember(why_told=slot.name)
    return flow.say("why_asked", question=slot.ask) if why else flow.say(
        "clarify_asked", hint=slot.hint)  # fmt: skip


def finds_it_dear(flow: Flow, reading: TurnReading) -> bool:
    """ "pensando bem acho q app é mt caro pra mim agora": no answer and no goodbye yet; the
    quote is free and can start small, and the question stays (said once a session)."""
    dear = not reading.has(Act.ANSWER) and flow.content.says("too_dear", list(reading.words),
                                                             anywhere=True)  # fmt: skip
    if not dear or flow.session.context.get("dear_told"):
        return False
    flow.remember(dear_told=True, asked_price=True)
    return flow.say("price_objection", question=form.pending(flow).ask)


def unknown_first(flow: Flow) -> bool:
    """ "sei la, nao tenho ideia. vc é robô?": the first sentence says it is not known."""
    first = clauses(flow.turn.text or "")[:1]
    words = tokens(first[0]) if first else []
    return 0 < len(words) <= SHORT_ANSWER_WORDS and flow.content.says("dont_know", words)


OPENING_STATES = ("new", "menu")
NOT_CUT = (Act.TOPIC_CHANGE, Act.MENU_CHOICE, Act.HUMAN_REQUEST, Act.SUPPORT_ISSUE, Act.OPT_OUT,
           Act.ABUSE, Act.OTHER_LANGUAGE, Act.SIDE_QUESTION)  # fmt: skip


def opening_cut(flow: Flow, reading: TurnReading) -> bool:
    """ "queria saber" / "sobre o chatbot": before any need, a message cut short waits for
    the rest, which is read together with it (see ``machine.read``)."""
    words = list(reading.words)
    short = 0 < len(words) <= FRAGMENT_WORDS and not reading.has(*NOT_CUT)
    cut = short and ((dangling(words) and not reading.question) or (
        tuple(words) in flow.content.vocabulary["cut_short"]))  # fmt: skip
    if cut and flow.session.state in OPENING_STATES:
        flow.say("fragment_ack")
        flow.remember(opening_fragment=" ".join((flow.turn.text or "").split()),
                      fragment_at=flow.turn.at.isoformat())  # fmt: skip
    return cut and flow.session.state in OPENING_STATES
