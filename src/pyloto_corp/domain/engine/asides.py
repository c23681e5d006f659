"""A side question in the middle of anything ("quanto custa?", "vcs são de onde?", "é
robô?"): a short answer from the content file, then the conversation goes on."""

from __future__ import annotations

from pyloto_corp.domain import labels
from pyloto_corp.domain.engine import notes
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.acts import Act, TurnReading

SIDE_TOPICS = ("price", "where", "hours", "cnpj", "jobs", "robot", "how_it_works", "phone")
FORM_STATES = ("collecting", "confirming")  # a lead on its way to a team
TEAM_OFFERS = ("side_cnpj", "side_address")  # answers that offer the team's help
ALSO_ANSWERED = ("where", "hours", "cnpj", "robot", "jobs", "phone")  # a second one asked


def answer_aside(flow: Flow, reading: TurnReading) -> bool:
    """A side question's short answer from the content file (True when one was given); in a
    form, a question with no canned answer is left for the team, who gets the conversation."""
    if not reading.has(Act.SIDE_QUESTION) or flow.session.context.get("aside_done") == (
            flow.turn.message_id):  # fmt: skip  # answered already in this turn
        return False
    topic, state = reading.topic, flow.session.state  # "precisa ter MEI?": not how the bot works
    if topic == "how_it_works" and state in (*FORM_STATES, "info_given") and not (
            flow.content.says("process", list(reading.words), anywhere=True)):  # fmt: skip
        topic = "other" if state in FORM_STATES else "open"  # "open": a person can answer
    if topic == "open" or (topic == "other" and state == "info_given"):  # "conhece alguém
        return flow.say("side_open")  # que arruma notebook?": a person may know
    if topic == "other" and _this_service(flow, reading):  # "vcs fazem aquele robozinho?"
        label = flow.content.intents[Intent(flow.session.active_intent)].label
        return flow.say("side_this_service", label=label)
    if key := _about_the_bot(flow, reading, topic):
        return flow.say(key)
    if topic in ("other", "how_it_works") and paying(flow, reading):
        topic = "price"  # "o pagamento pode ser por pix?": answered as the payment below
    if topic not in SIDE_TOPICS:
        left = topic == "other" and flow.session.state in FORM_STATES
        if left:  # "a cnh tá vencida, tem problema?": it goes with the lead, as promised
            notes.keep(flow, flow.turn.text or "")
        return left and flow.say("side_other")
    pays = topic == "price" and paying(flow, reading)  # "aceita pix ou só cartão?": no price
    if topic == "price" and not pays and flow.session.active_intent != DRIVER:
        flow.remember(asked_price=True)  # the team sees it among the lead's reasons
    links, key = flow.content.links, _key(flow, reading, topic, pays=pays)
    own = flow.content.variant(key, flow.session.active_intent)  # "quanto paga?" to a courier
    said = say_again(flow, own, jobs=links["jobs"], site=links["site"])
    if pays and PRICED & set(reading.words):  # "quanto cobram? e o motoboy leva maquininha?"
        say_again(flow, flow.content.variant("side_price", flow.session.active_intent))
    more = next((t for t in reading.topics if t != topic and t in ALSO_ANSWERED), None)
    if more is not None:  # "e vcs ficam onde? qual o cnpj de vcs?": both answered
        flow.say(f"side_{more}", jobs=links["jobs"], site=links["site"])
    elif "other" in reading.topics and state in FORM_STATES:  # "precisa ter MEI? e quanto
        notes.keep(flow, flow.turn.text or "")  # vcs pagam?": the MEI goes to the team too
        flow.say("side_other_too")
    return said


def _about_the_bot(flow: Flow, reading: TurnReading, topic: str | None) -> str:
    """ "Está lendo minha mensagem?": yes, and sorry; "uns 40, mas pra que isso?": why it
    is asked (then the form goes on)."""
    if flow.content.says("reading_check", list(reading.words), anywhere=True):
        return "side_reading"
    why = topic == "other" and flow.content.says("why", list(reading.words))
    return "why_beside" if why else ""


def _key(flow: Flow, reading: TurnReading, topic: str, *, pays: bool) -> str:
    """The answer's text; one offering the team's help is remembered (a yes takes it up)."""
    key = "side_payment" if pays else f"side_{topic}"
    if topic == "where" and flow.content.says("address", list(reading.words), anywhere=True):
        key = "side_address"  # "qual o endereço? rua, número": how to get there, honestly
    if key in TEAM_OFFERS:  # "Se precisar antes, o time te passa"
        flow.remember(team_offer=key)
    return key


SURE = 0.6
SAME = 0.5  # the need being filled in, asked about: a weaker reading is enough


def _this_service(flow: Flow, reading: TurnReading) -> bool:
    """In a form, "vcs fazem aquele robozinho que responde sozinho?" asks about the very
    need being filled in: yes, it is what this conversation is about."""
    active = flow.session.active_intent
    asked = reading.needs[:1] == (active,) and reading.confidence >= SAME
    return asked and flow.session.state in FORM_STATES and (
        flow.content.says("we_do", list(reading.words), anywhere=True))  # fmt: skip


CUSTOM, SAAS = Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value
DELIVERY = Intent.PYLOTO_ENTREGA_REQUEST.value
MERCHANT = Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value
BUSINESS = (CUSTOM, SAAS, DELIVERY, MERCHANT, DRIVER)
PRICED = frozenset(("quanto", "cobram", "cobra", "preco", "valor", "custa", "taxa"))
NAMED_BY = {
    "entreg": (MERCHANT, DELIVERY),
    "motoboy": (MERCHANT, DELIVERY),
    "chatbot": (SAAS,),
    "robo": (SAAS,),
    "site": (CUSTOM,),
    "sistema": (CUSTOM,),
    "app": (CUSTOM,),
}


def other_service(flow: Flow, reading: TurnReading) -> Intent | None:
    """In a form, "e as entregas? vcs fazem tbm?": another of Pyloto's lines, asked about
    (yes, and it is noted for after this one)."""
    active = flow.session.active_intent
    asked = reading.question and not reading.has(Act.TOPIC_CHANGE)
    if not asked or flow.session.state not in FORM_STATES or not flow.content.says(
            "we_do", list(reading.words), anywhere=True):  # fmt: skip
        return None
    named = reading.needs[0] if reading.needs and reading.confidence >= SURE else None
    if named not in BUSINESS or named == active:
        detected = flow.session.context.get("detected", [])
        said = [i for w in reading.words for k, ids in NAMED_BY.items() if w.startswith(k)
                for i in ids]  # fmt: skip
        named = next((i for i in said if i in detected and i != active), None)
    return Intent(named) if named in BUSINESS and named != active else None


def paying(flow: Flow, reading: TurnReading) -> bool:
    """How to pay, not how much ("da pra pagar no pix?", "aceita cartão?")."""
    return flow.content.says("payment", list(reading.words), anywhere=True)


def say_again(flow: Flow, key: str, **values: str) -> bool:
    """The answer to a question asked again, said again as a repeat: never silence."""
    if flow.say(key, **values):
        return True
    body = flow.text(key, **values)
    named = body.split(maxsplit=1)[0] in ("Pyloto", flow.persona)  # a name keeps its capital
    again = f"{flow.text('said_again')} {body if named else body[:1].lower() + body[1:]}"
    return flow.say_text(again, key, **values)


def not_a_bank(flow: Flow) -> None:
    """ "quero o empréstimo consignado", "o senhor não é do banco?": Pyloto is no bank, and
    a number passed on for a loan may be a scam (said once a session)."""
    words = tokens(flow.turn.text or "")
    if not flow.session.context.get("bank_told") and flow.content.says(
        "bank", words, anywhere=True
    ):
        flow.remember(bank_told=True)
        flow.say("not_bank")


def takes_team_offer(flow: Flow, reading: TurnReading) -> str:
    """ "preciso sim, pede pra eles me passarem": the team's help the answer offered (the
    CNPJ, the address) is asked for, named for the team; no new need is read into it."""
    offered = labels.label(labels.TEAM_OFFERS, flow.session.context.get("team_offer") or "")
    other = reading.has(Act.TOPIC_CHANGE) and reading.intent not in NOT_OTHER
    asked = flow.content.says("ask_team", list(reading.words), anywhere=True)
    taken = asked and not (other or reading.has(Act.MENU_CHOICE, Act.DENY))
    return offered if taken else ""


NOT_OTHER = (Intent.UNSUPPORTED.value, Intent.INSTITUTIONAL.value, None)
