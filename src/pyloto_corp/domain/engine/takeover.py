"""Human takeover: after a handoff, a person of the team has the conversation.

For ``EngineConfig.takeover`` after the handoff (longer when a call was booked), unless
released, every message of the person goes to the team (``Step.team``). The bot opens no
session, menu or second handoff; it says the team was told, again after a quiet while or
when the person insists (``takeover_press``), and answers once a request for a manager, a
refund or a delivery link. A stop ends it. When the window passed with no reply of the team,
the next message (within a week; not a stop, thanks or a new need) hands it again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from pyloto_corp.domain.engine import closed
from pyloto_corp.domain.engine import takeover_press as press
from pyloto_corp.domain.engine.profile import asked_name, remember_profile
from pyloto_corp.domain.engine.state import Step, TeamNote, Turn
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading

FIRST_SEQ = 1  # handoff.created; the person's messages follow
REQUEST_MAX_CHARS = 300
LANGUAGE_SWITCH = "language_switch"
DELIVERY = Intent.PYLOTO_ENTREGA_REQUEST.value
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value
MERCHANT = Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value
ACK_AGAIN_AFTER = timedelta(hours=2)  # a person still waiting hears from the bot again
SURE = 0.6  # a delivery named in a question, not a guess
TOLD = ("name", "business_name", "city")  # said after the handoff: the team's lead gains it


def next_seq(session: SessionRecord) -> int:
    return int(session.context.get("takeover_seq", FIRST_SEQ)) + 1


def stops(reading: TurnReading | None) -> bool:
    return reading is not None and reading.has(Act.OPT_OUT)


def released(session: SessionRecord, at: datetime, reason: str) -> SessionRecord:
    """The handed-off session with its takeover ended (the bot answers the next message)."""
    context = {**session.context, "takeover_released": at.isoformat(),
               "takeover_release_reason": reason}  # fmt: skip
    return replace(session, context=context)


def with_team(step: Step, flow, turn: Turn, reading: TurnReading | None) -> Step:
    """The message goes to the team; the first one hears the team was told."""
    last = step.session
    seq = next_seq(last)
    flow.remember(takeover_seq=seq)
    if stops(reading) or last.context.get("quiet_requested"):  # "para de me mandar mensagem,
        flow.remember(quiet_requested=True)  # vou no procon": the team keeps the complaint,
        step.team = TeamNote(step.session, seq)  # the bot says nothing more
        return step
    thanks = reading is not None and reading.only_chatter and reading.has(Act.THANKS_GOODBYE)
    escalated, pressed = _escalates(last, reading), False  # "quero falar com um gerente"
    if escalated:
        flow.remember(takeover_escalated=True)
    if _asks_for_delivery(last, reading) or press.foreign_delivery(last, reading):
        flow.remember(takeover_link_sent=True)  # "consigo pedir uma entrega agora?": the link
        press.link_in_their_language(flow, last)
    elif _asks_refund(flow, last, reading):  # "quero meu dinheiro de volta": noted, once
        flow.remember(takeover_refund_noted=True)
        flow.say("refund_noted")
    elif not escalated and press.presses(flow.content, last, reading, turn.at):
        pressed = press.answer_press(flow, last, reading, turn.at)  # "alguém aí?? é pra hoje"
    elif escalated or not last.context.get("takeover_ack_sent") or _quiet(last, turn.at):
        key, missing = _in_their_language(closed.pending(last, reading), last), ""
        if thanks and key == "handoff_pending":  # "obrigado": "De nada! Já avisei a equipe…"
            key = "handoff_pending_thanks"
        if key == "idle_pending":  # "voltei": what the team still lacks, in the bot's words
            missing = closed.missing_labels(flow.content, last, said=closed.said_fields(reading))
            filled = not missing and closed.missing_labels(flow.content, last)  # all said just now
            key = "idle_filled" if filled else key
        key, back = press.after_hours(key, turn.at)  # "a equipe volta segunda às 8h", not "logo"
        flow.say("idle_missing" if missing else key, missing=missing,
                 when=back or _call_back(last))  # fmt: skip
        flow.remember(takeover_ack_sent=True, takeover_ack_at=turn.at.isoformat())
    elif (
        not last.context.get("takeover_resolved")
        and reading is not None
        and (reading.withdraws or flow.content.says("resolved", list(reading.words), anywhere=True))
    ):
        flow.remember(takeover_resolved=True)  # "meu neto fez pelo link, pode cancelar": the
        flow.say("takeover_resolved")  # team is told it is solved (it reads the message)
    elif thanks and not last.context.get("takeover_thanked") and not _foreign(last):
        flow.remember(takeover_thanked=True)  # "obrigada, bom fim de semana 😊": once
        flow.say("takeover_thanks")
    told = _told(flow, last, turn, reading)
    step.team = TeamNote(step.session, seq, escalated=escalated, pressed=pressed, told=told)
    return step


def _told(flow, last: SessionRecord, turn: Turn, reading: TurnReading | None) -> dict:
    """ "ah, meu nome é Everton": who the person is, and the fields the lead lacked, for the
    team (each value once)."""
    courier = last.active_intent == DRIVER and last.context.get("support_case")  # name asked
    named = asked_name(flow, turn.text or "") if courier else {}
    told = {k: v for k, v in {**named, **remember_profile(flow, reading)}.items() if k in TOLD}
    fields = closed.said_missing(flow.content, last, reading)
    return {**{k: v for k, v in told.items() if v not in fields.values()},
            "requirements": fields} if fields else told  # fmt: skip


def _quiet(last: SessionRecord, at: datetime) -> bool:
    """ "e aí?? ninguém vai me responder???" hours after the bot's note, with no reply of
    the team: heard again (in other words)."""
    told = last.context.get("takeover_ack_at")
    waited = told is not None and at - datetime.fromisoformat(str(told)) >= ACK_AGAIN_AFTER
    return waited and not last.context.get("team_replied")


def _call_back(last: SessionRecord) -> str:
    """ "amanhã depois do almoço", or the Monday it moved to ("segunda-feira, 07/12")."""
    day = last.context.get("followup_day")
    return f"segunda-feira, {day}" if day else str(last.context.get("followup_when") or "")


def _asks_for_delivery(last: SessionRecord, reading: TurnReading | None) -> bool:
    """A delivery to send now, asked while the team has the person for something else: the
    request channel is self-service, so the link goes once (the message reaches the team)."""
    if reading is None or last.context.get("takeover_link_sent"):
        return False
    asked = reading.needs[:1] == (DELIVERY,) and reading.question and reading.confidence >= SURE
    named = reading.intent == DELIVERY or asked  # not "uma reunião presencial aqui?"
    priced = last.active_intent == MERCHANT and reading.topic == "price"  # a shop's "quanto sai?"
    own = last.active_intent in (DELIVERY, DRIVER) or priced  # a courier's "quanto paga?"
    return named and not (own or reading.has(Act.SUPPORT_ISSUE) or last.context.get("support_case"))


def _asks_refund(flow, last: SessionRecord, reading: TurnReading | None) -> bool:
    """A refund asked in a complaint handed to support: the team needs it, the person needs
    to know it was noted."""
    if reading is None or last.context.get("takeover_refund_noted"):
        return False
    support = last.context.get("support_case") or reading.has(Act.SUPPORT_ISSUE)
    return bool(support) and flow.content.says("refund", list(reading.words), anywhere=True)


def _escalates(last: SessionRecord, reading: TurnReading | None) -> bool:
    """A person (a manager, someone in charge) asked for while waiting, when the handoff was
    not itself a request for a person: a new request, answered once."""
    asked = reading is not None and reading.has(Act.HUMAN_REQUEST)
    already = last.context.get("takeover_escalated") or last.context.get("human_requested")
    return asked and bool(last.context.get("takeover_ack_sent")) and not already


def stopped(
    last: SessionRecord, at: datetime, reason: str = "opt_out"
) -> tuple[SessionRecord, TeamNote]:
    """A stop (or Portuguese after another language) during the takeover: the team hears
    it and the takeover ends."""
    seq = next_seq(last)
    session = released(replace(last, context={**last.context, "takeover_seq": seq}), at,
                       reason)  # fmt: skip
    return session, TeamNote(session, seq, release=reason)


def asks_again(reading: TurnReading | None) -> bool:
    """Not a stop nor a need of its own: the person is still waiting for the team."""
    return reading is None or not (reading.has(Act.OPT_OUT) or closed.other_need(reading))


def hand_again(flow, last: SessionRecord) -> None:
    """The same lead, handed over again with what the person just wrote."""
    flow.update(active_intent=last.active_intent, slots=dict(last.slots))
    flow.remember(resolved=list(last.context.get("resolved", [])), human_requested=True)
    handoffs = last.context.get("handoffs") or ()
    routing = handoffs[0].get("routing") if len(handoffs) == 1 else None
    said = " ".join((flow.turn.text or "").split())[:REQUEST_MAX_CHARS]
    flow.finish(Outcome.HANDOFF_HUMAN, "unanswered", requested=True, message="handoff_again",
                routing=routing, details={"request": said} if said else None)  # fmt: skip


def _foreign(last: SessionRecord) -> str | None:
    """ "en" or "es": handed over for writing in English or Spanish."""
    language = ((last.context.get("handoff") or {}).get("requirements") or {}).get("language")
    return language if language in ("en", "es") else None


def _in_their_language(key: str, last: SessionRecord) -> str:
    """Someone handed over for writing in English or Spanish hears the notice in it."""
    language = _foreign(last)
    return f"{key}_{language}" if key == "handoff_pending" and language else key
