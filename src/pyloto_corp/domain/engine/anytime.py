"""Acts honoured in every state (SPEC §10): stop, a person, a support issue, another
language, abuse, a call-back time. Each ends or redirects the turn by itself."""

from __future__ import annotations

from pyloto_corp.domain.engine import callback, impersonation
from pyloto_corp.domain.engine.area import about_delivery, foreign_link
from pyloto_corp.domain.engine.closed import link_trouble
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.understanding.acts import Act, TurnReading

SUPPORT_ROUTING = "entrega_support"
ISSUE_MAX_CHARS = 300
LANGUAGE_MIN_WORDS = 2
TOLD_WORDS = 20  # a complaint this long told what happened: the bot asks nothing more
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value
DELIVERY = Intent.PYLOTO_ENTREGA_REQUEST.value
MERCHANT = Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value
ENTREGA = (DELIVERY, MERCHANT, DRIVER)
NOT_A_NEED = (Intent.ENTRY_UNKNOWN.value, Intent.UNSUPPORTED.value)
NAMED_NEEDS = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value, *ENTREGA)
INSTITUTIONAL = Intent.INSTITUTIONAL.value
UNSUPPORTED = Intent.UNSUPPORTED.value
TEAMS = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value)  # who made it runs it
ANSWERED = (Act.ANSWER, Act.AFFIRM, Act.DENY, Act.CORRECTION, Act.MENU_CHOICE)


def handled_anytime(flow: Flow, reading: TurnReading) -> bool:
    """True when the turn was one of these acts (and has been dealt with)."""
    if impersonation.handled(flow, reading):  # "me pediram um pix, é de vocês mesmo?"
        return True
    if _past_order(flow, reading) and support(flow, reading) is not False:
        return True
    for act, handle in _HANDLERS:
        if act in reading.acts and handle(flow, reading) is not False:
            return True
    return False


def opt_out(flow: Flow, reading: TurnReading) -> bool:
    """Silence; "tá certo, agora sai fora" at the summary first sends the lead confirmed."""
    if flow.session.state == "confirming" and reading.has(Act.AFFIRM) and not reading.has(
            Act.DENY, Act.CORRECTION):  # fmt: skip
        return False
    flow.remember(opted_out=True)
    flow.silence()
    flow.finish(Outcome.AWAITING_USER, "opt_out")
    return True


def support(flow: Flow, reading: TurnReading) -> bool:
    """A complaint about something that exists: a person, never the request link. About a
    delivery (or nothing else known) it goes to Pyloto Entrega's support; about a system or
    the chatbot, to that team; about something Pyloto does not do, it is no support issue."""
    if flow.session.state in ("confirming", "correcting") and reading.fixes:
        return False  # "Canal é só whatsapp, email não. E faltou...": fixing the summary
    issue = " ".join((flow.turn.text or "").split())[:ISSUE_MAX_CHARS]
    active, named = flow.session.active_intent, (reading.needs or (None,))[0]
    known = active not in (None, *NOT_A_NEED)
    courier = _courier(flow, reading, named)  # "não caiu o repasse da semana": a courier's
    if not known and not (about_delivery(reading) or courier) and named == UNSUPPORTED:
        return False  # "minha tela quebrou": not something Pyloto made or delivers
    if courier:  # "meu app tá bloqueado, não consigo pegar corrida": a courier, not an app
        flow.update(active_intent=DRIVER)
    elif not known and named in TEAMS and not _ordered(flow, reading):  # "PEDI UMA ENTREGA
        flow.update(active_intent=named)  # ONTEM PELO APP DE VCS": a delivery, not an app
    elif not known:
        flow.update(active_intent=Intent.PYLOTO_ENTREGA_REQUEST.value)
    delivery = about_delivery(reading) or flow.session.active_intent in ENTREGA
    message, routing = ("support_handoff", SUPPORT_ROUTING) if delivery else (
        "support_handoff_team", None)  # fmt: skip  # "o site que vcs fizeram caiu"
    if flow.session.active_intent == DRIVER:
        message = "support_handoff_courier"  # the team hears a courier: name, period, amount
    elif len(reading.words) >= TOLD_WORDS:
        message = f"{message}_told"  # all told already: nothing more asked
    flow.remember(support_case=True, support_handed=True)  # this session's own complaint
    flow.finish(Outcome.HANDOFF_HUMAN, "support_issue", requested=True, message=message,
                routing=routing, details={"issue": issue})  # fmt: skip
    return True


def _courier(flow: Flow, reading: TurnReading, named: str | None) -> bool:
    """The person works as a courier: says so, or talks of payouts and rides."""
    active = flow.session.active_intent
    if active not in (None, *NOT_A_NEED, *ENTREGA):
        return False  # a customer of a system or of the chatbot
    said = flow.content.says("courier", list(reading.words), anywhere=True)
    return active == DRIVER or said or (active in (None, *NOT_A_NEED) and named == DRIVER)


def _past_order(flow: Flow, reading: TurnReading) -> bool:
    """ "pedi uma entrega pelo link às 15h pra levar um bolo": an order made, for support."""
    quiet = reading.has(Act.THANKS_GOODBYE, Act.SUPPORT_ISSUE, Act.OPT_OUT)
    return bool(reading.when) and not quiet and _ordered(flow, reading)


def _ordered(flow: Flow, reading: TurnReading) -> bool:
    return flow.content.says("past_order", list(reading.words), anywhere=True)


def other_language(flow: Flow, reading: TurnReading) -> bool:
    """English or Spanish: one reply in that language and a person who speaks it."""
    short = len(reading.words) < LANGUAGE_MIN_WORDS and not reading.has(Act.GREETING)
    if short or flow.session.context.get("writes_portuguese"):  # back in Portuguese before
        return False
    named = (reading.needs or (None,))[0]
    unpaid = flow.content.says("unpaid", list(reading.words), anywhere=True)
    if unpaid and _courier(flow, reading, named):  # "I didn't get paid for last week"
        named = DRIVER
    elif named == DELIVERY and flow.content.says("foreign_business", list(reading.words),
                                                  anywhere=True):  # fmt: skip
        named = MERCHANT  # "tengo una panadería... los envíos de mis pedidos": a merchant
    if flow.session.active_intent in (None, *NOT_A_NEED) and named in NAMED_NEEDS:
        flow.update(active_intent=named)  # "do you build apps?": "yes", that team, that language
    if named == DELIVERY and foreign_link(flow, reading):  # "necesito enviar un paquete"
        return True
    flow.finish(Outcome.HANDOFF_HUMAN, "other_language", requested=True,
                message=flow.content.variant(f"other_language_{reading.language}",
                                             None if unpaid else named),
                routing=SUPPORT_ROUTING if unpaid and named == DRIVER else None,
                details={"language": str(reading.language)})  # fmt: skip
    return True


def human(flow: Flow, reading: TurnReading, about: str = "") -> bool | None:
    """A person is asked for: the team of the need named with it ("falar com alguém sobre
    entrega pra minha loja"; "quero um atendente, não robô" is no chatbot lead), and the
    words themselves, so the team knows the subject."""
    if callback.with_person(flow, reading):  # "está certo; que alguém me ligue amanhã às 14h"
        return True
    main = reading.needs[0] if reading.needs else None  # not a guess behind an unclear one:
    named = main if main not in (None, *NOT_A_NEED) else flow.session.context.get("routed")
    if flow.session.active_intent in (None, *NOT_A_NEED) and named in (*NAMED_NEEDS, INSTITUTIONAL):
        flow.update(active_intent=named)  # "uma parceria institucional": the institutional team
    flow.remember(human_requested=True)  # what follows goes to that person, not to a new form
    said = " ".join((flow.turn.text or "").split())[:ISSUE_MAX_CHARS]
    details = {"request": f"{about}{said}"} if said else None  # about: "CNPJ da Pyloto — "
    flow.finish(Outcome.HANDOFF_HUMAN, "human_requested", requested=True,
                message="handoff_requested", details=details)  # fmt: skip


def routed_help(flow: Flow, reading: TurnReading | None) -> bool:
    """Right after the delivery link, "não sei mexer nisso de site" is no new need (the word
    "site" is no software lead): the person needs someone to take the order with them."""
    routed = flow.session.context.get("routed")
    fresh = flow.session.active_intent in (None, *NOT_A_NEED)
    if reading is None or not routed or not fresh or not link_trouble(reading):
        return False
    flow.update(active_intent=routed)
    flow.remember(human_requested=True)
    said = " ".join((flow.turn.text or "").split())[:ISSUE_MAX_CHARS]
    flow.finish(Outcome.HANDOFF_HUMAN, "link_trouble", requested=True, message="route_help",
                details={"request": said})  # fmt: skip
    return True


def abuse(flow: Flow, reading: TurnReading) -> bool:
    """An insult is not a lead, whatever product word it contains: the session ends as
    DUPLICATE_OR_SPAM and the bot stays silent (SPEC §3)."""
    if reading.has(*ANSWERED):
        return False  # "sim porra, confirma logo": the answer counts, the tone does not
    if flow.session.context.get("support_case") or reading.has(Act.SUPPORT_ISSUE):
        if flow.session.active_intent in (None, *NOT_A_NEED):  # "que palhaçada": no spam,
            flow.update(active_intent=Intent.PYLOTO_ENTREGA_REQUEST.value)  # an angry customer
        return support(flow, reading)
    flow.silence()
    flow.finish(Outcome.DUPLICATE_OR_SPAM, "abuse")
    return True


def followup(flow: Flow, reading: TurnReading) -> bool:
    """ "Me liga amanhã à tarde": recorded and confirmed; asked only when no time was given."""
    if flow.session.state == "followup_time" and not reading.when:
        return False
    busy = flow.content.says("hold", list(reading.words), anywhere=True)  # "to atendendo"
    if reading.when and reading.has(Act.ANSWER) and flow.session.state == "collecting" and (
            not busy):  # fmt: skip
        when = flow.callback(reading.when, reading.when_window)
        flow.say("followup_noted", when=when)  # the answer is taken as well
        return False
    if reading.when:
        when = flow.callback(reading.when, reading.when_window)
        flow.finish(Outcome.SCHEDULED_FOLLOWUP, "followup_requested", message="followup_done",
                    when=when)  # fmt: skip
        return True
    flow.update(state="followup_time")
    flow.say("followup_ask")
    return True


_HANDLERS = ((Act.OPT_OUT, opt_out), (Act.SUPPORT_ISSUE, support),
             (Act.OTHER_LANGUAGE, other_language), (Act.HUMAN_REQUEST, human),
             (Act.ABUSE, abuse), (Act.FOLLOWUP_REQUEST, followup))  # fmt: skip
