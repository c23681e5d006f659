"""A person who presses while the team has the conversation ("alguém aí??", "mas é pra hoje!!",
"vou no Procon"): the bot never leaves them talking alone.

The first such message is answered at once, later ones after a pause, a few times per
takeover (each time in other words); out of business hours the answer says honestly that
no one of the team is online and when they are back, and for a delivery wanted today that
only the order link works now. The team sees the message marked as insisted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pyloto_corp.domain.engine import notes
from pyloto_corp.domain.engine.asides import answer_aside
from pyloto_corp.domain.engine.closed import pending
from pyloto_corp.domain.engine.dialogue import explain_need
from pyloto_corp.domain.engine.hours import back_at
from pyloto_corp.domain.engine.proxies import for_someone_else
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.fields import found_fields

PRESS_REPLIES = 3  # per takeover: then the messages still reach the team, the bot stays quiet
PRESS_GAP = timedelta(minutes=10)  # "alo???" a second after "cadê vocês?" is one burst
PRESS_MIN_WORDS = 4  # "oi?", "alô??", "cadê o atendente?": a presence check
DELIVERY = Intent.PYLOTO_ENTREGA_REQUEST.value
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value
PRESSING = (Act.SUPPORT_ISSUE, Act.ABUSE)
FIRST_NOTES = ("handoff_pending", "support_pending")
FIXING = notes.FIX_CUES | {"mas", "certo", "mudei", "mudou", "corrigindo"}  # "eu moro em
# Castro mas a pizzaria é em Carambeí", "mudei de cidade, agora tô em Castro"


def presses(content, last: SessionRecord, reading: TurnReading | None, at: datetime) -> bool:
    """A question, a complaint, anger or urgency while waiting, with no reply of the team
    yet, and the bot has not just answered one (nor, for a bare "alô??", just spoken)."""
    context = last.context
    if reading is None or context.get("team_replied") or reading.has(Act.OPT_OUT):
        return False
    urgent, language = _urgent(content, reading), _language(last)
    noted = notes.asked(content, reading) or _gave_missing(last, reading)  # "anota aí..."
    noted = noted or _books_call(reading) or _amends(reading)  # "me liga segunda", "é Carambeí"
    noted = noted or (courier_elsewhere(reading) and not context.get("courier_told"))
    if ((_canned(reading) and not urgent) or noted) and not language:  # "qual o CNPJ?"
        return True
    if int(context.get("takeover_presses", 0)) >= PRESS_REPLIES:
        return False
    if language or (not context.get("takeover_ack_sent") and pending(last, reading) not in (
            FIRST_NOTES)):  # fmt: skip
        return False  # English, a manager asked for, a call booked, "voltei": their own note
    return (urgent or reading.question) and not _too_soon(context, reading, at)


def _too_soon(context: dict, reading: TurnReading, at: datetime) -> bool:
    """The bot just answered a press; a bare "cadê?", "alô??" gets the plain note first and
    nothing right after any note of the bot."""
    told = context.get("takeover_press_at")
    if len(reading.words) < PRESS_MIN_WORDS:
        if not context.get("takeover_ack_sent"):
            return True
        told = told or context.get("takeover_ack_at")
    return told is not None and at - datetime.fromisoformat(str(told)) < PRESS_GAP


def answer_press(flow, last: SessionRecord, reading: TurnReading, at: datetime) -> bool:
    """ "Entendo. Agora ninguém da equipe está online: ela volta segunda às 8h…", or in
    business hours that the team was told again; a question the bot can answer is answered
    ("vcs são de onde?"), one it cannot is left for the team without apologies. True when
    the person was pressing (the team sees it)."""
    urgent = _urgent(flow.content, reading)
    if _books_call(reading) and reading.when:  # the time, confirmed (a weekend moves on)
        flow.say("call_noted_waiting", when=flow.callback(reading.when, reading.when_window))
        return False
    if courier_elsewhere(reading) and not last.context.get("courier_told"):
        flow.say("courier_for_other")  # "e meu sobrinho, como faz pra ser entregador?"
        flow.remember(courier_told=True)
        return False
    person = reading.has(Act.HUMAN_REQUEST)  # "quero falar com uma pessoa AGORA": that first
    if not person and (notes.asked(flow.content, reading) or _gave_missing(last, reading)):
        flow.say("note_taken_waiting")  # the message goes to the team as it is
        return False
    if _canned(reading) and not urgent:
        answer_aside(flow, reading)
        return False
    today = urgent and last.active_intent == DELIVERY  # "mas eu precisava hoje": the link
    if _amends(reading) and not (person or today):  # "a cidade é Carambeí": for the team
        flow.say("note_taken_waiting")
        return False
    back, support = back_at(at), bool(last.context.get("support_case"))
    if person:  # "tem alguém de verdade aí?": a person is on the way
        flow.say("human_pending")
    elif reading.question and not (urgent or support):
        flow.say("pressed_question", when=back or "em horário comercial")
    elif back is None:
        flow.say("pressed_support" if support else "pressed")
    else:
        flow.say("pressed_support_after_hours" if support else "pressed_after_hours", when=back)
        if last.active_intent == DELIVERY and not support:
            flow.say("pressed_delivery_today", link=flow.content.links["entrega_request"])
    flow.remember(takeover_presses=int(last.context.get("takeover_presses", 0)) + 1,
                  takeover_press_at=at.isoformat(), takeover_ack_sent=True,
                  takeover_ack_at=at.isoformat())  # fmt: skip
    return True


def _language(last: SessionRecord) -> str | None:
    """Handed over for writing in English or Spanish: the notice in that language covers it."""
    return ((last.context.get("handoff") or {}).get("requirements") or {}).get("language")


def _urgent(content, reading: TurnReading) -> bool:
    """Urgency, a complaint or anger ("é pra hoje", "to parado sem ganhar nada", "vou no
    Procon"), not a plain question."""
    return content.says("pressing", list(reading.words), anywhere=True) or reading.has(*PRESSING)


def _amends(reading: TurnReading) -> bool:
    """A value of the lead put right after it went to the team ("não é Castro, é Carambeí")."""
    fixing = bool(FIXING & set(reading.words) or reading.has(Act.CORRECTION))
    fixing = fixing and bool(found_fields(reading))
    return fixing and not reading.has(Act.SIDE_QUESTION, Act.SUPPORT_ISSUE)


def _books_call(reading: TurnReading) -> bool:
    return reading.has(Act.FOLLOWUP_REQUEST) and bool(reading.when)


def courier_elsewhere(reading: TurnReading) -> bool:
    """A courier signup asked for a relative or a friend while the team has the person."""
    driver = reading.intent == DRIVER or reading.needs[:1] == (DRIVER,)
    asked = reading.has(Act.TOPIC_CHANGE, Act.SIDE_QUESTION) and reading.confidence >= SURE
    return driver and asked and for_someone_else(" ".join(reading.words))


SURE = 0.8


def _canned(reading: TurnReading) -> bool:
    return reading.has(Act.SIDE_QUESTION) and reading.topic in CANNED


CANNED = ("price", "where", "hours", "cnpj", "jobs", "robot", "phone")  # the content answers


def after_hours(key: str, at: datetime) -> tuple[str, str | None]:
    """The note that the team was told, out of business hours: when they are back."""
    back = back_at(at) if key in ("handoff_pending", "handoff_pending_thanks") else None
    return (f"{key}_after_hours", back) if back else (key, None)


def _gave_missing(last: SessionRecord, reading: TurnReading) -> bool:
    """Back after the conversation stopped, the bot asked for what was missing: "só eu e
    minha sócia, e é aqui em Ponta Grossa" gives it (it goes to the team as it is)."""
    stopped = last.context.get("close_reason") == "inactivity_timeout" and bool(
        last.context.get("takeover_ack_sent"))  # after "Ficou faltando: ..."  # fmt: skip
    return stopped and bool(found_fields(reading)) and not reading.question


def link_in_their_language(flow, last: SessionRecord) -> None:
    """The delivery link asked for while waiting: in English or Spanish for whom writes so."""
    language = _language(last)
    if language not in ("en", "es"):
        return explain_need(flow, Intent.PYLOTO_ENTREGA_REQUEST)
    return flow.say(f"delivery_link_{language}", link=flow.content.links["entrega_request"])


FOREIGN_DELIVERY = frozenset(("package", "parcel", "delivery", "deliver", "courier", "paquete",
                              "envio", "enviar", "repartidor", "entrega"))  # fmt: skip


def foreign_delivery(last: SessionRecord, reading: TurnReading | None) -> bool:
    """ "I need to send a small package to my friend": the link, in English or Spanish, once."""
    said = reading is not None and bool(FOREIGN_DELIVERY & set(reading.words))
    sent = last.context.get("takeover_link_sent") or last.context.get("support_case")
    return said and _language(last) in ("en", "es") and not sent
