"""Messages right after a session closed: thanks, a need of its own, or more for the team
that already has the case."""

from __future__ import annotations

from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.proxies import for_someone_else
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.cues import REFUSALS
from pyloto_corp.domain.understanding.fields import SLOT_FIELD, found_fields

SHORT_CHAT = 4  # "ponta grossa ue, vc msm falou" is no courtesy to thank for
CUSTOM = Intent.CUSTOM_SOFTWARE.value
NOT_NEW = (Intent.PYLOTO_ENTREGA_REQUEST.value, Intent.UNSUPPORTED.value,
           Intent.ENTRY_UNKNOWN.value)  # fmt: skip


def courtesy(reading: TurnReading) -> bool:
    """Thanks, laughter, an emoji; not "???" (someone waiting for an answer)."""
    waiting = not reading.words and reading.question  # "???"
    chat = reading.has(Act.THANKS_GOODBYE) or len(reading.words) <= SHORT_CHAT  # "kkkk", "👍"
    return reading.only_chatter and reading.has(Act.THANKS_GOODBYE, Act.SMALL_TALK) and chat and (
        not (reading.has(Act.GREETING) or waiting))  # fmt: skip


# "não sei mexer nisso de site": the person cannot use the delivery link they were given.
LINK_TROUBLE = ("nao sei mexer", "nao sei usar", "nao sei entrar", "nao sei pedir",
                "nao sei fazer", "nao consigo", "nao entendi o link", "nao entendi o site",
                "nao abre", "nao abriu", "nao tenho internet", "nao tenho computador",
                "nao mexo", "nao uso internet", "faz pra mim", "faz por aqui", "pede pra mim",
                "pedir por aqui", "fazer por aqui", "nao sei como faz",
                "muito complicado", "nao sei abrir", "nao consigo abrir", "anotar ai",
                "anota ai", "anotar por aqui", "mandar o rapaz", "manda o rapaz",
                "mandar o motoboy", "manda o motoboy")  # fmt: skip


def link_trouble(reading: TurnReading) -> bool:
    said = f" {' '.join(reading.words)} "
    return any(f" {cue} " in said for cue in LINK_TROUBLE)


def other_need(reading: TurnReading) -> bool:
    """A need of its own is named (not the delivery link again, nothing unclear)."""
    named = reading.intent if reading.has(Act.TOPIC_CHANGE, Act.MENU_CHOICE) else None
    channel = "link" in reading.words or {"pra", "pedir"} <= set(reading.words)
    return named not in (None, *NOT_NEW) and not (channel and named == CUSTOM)  # "tem algum
    # link o app pra pedir agora?" asks for the delivery channel again, no software lead


def pending(last: SessionRecord, reading: TurnReading | None) -> str:
    """After a handoff: "quero falar com o gerente" hears a person was called; no smiley."""
    if reading is not None and reading.has(Act.HUMAN_REQUEST):
        return "human_pending"
    if last.context.get("close_reason") == "inactivity_timeout":
        return "idle_pending"  # "voltei": what was said went to the team while they were away
    if last.context.get("followup_when") and last.outcome == Outcome.SCHEDULED_FOLLOWUP.value:
        return "followup_pending"  # "você viu que pedi pra me ligarem amanhã?"
    return "support_pending" if last.context.get("support_case") else "handoff_pending"


BUSINESS_WORDS = 5  # "pra empresa", "é pra minha loja": who it is for, nothing else


def for_a_business(reading: TurnReading | None) -> bool:
    """Right after the link to order one delivery, "pra empresa" says the deliveries are a
    shop's: Pyloto Entrega for companies, not the link again."""
    if reading is None or reading.question or len(reading.words) > BUSINESS_WORDS:
        return False
    business = reading.entities is not None and bool(getattr(reading.entities, "is_business", 0))
    return business and (reading.needs or (None,))[0] in (None, *NOT_NEW)


MENU_WORDS = frozenset(("menu", "opcoes", "opcao", "inicio"))


def wants_menu(reading: TurnReading | None) -> bool:
    """ "quero ver as opções de novo", "menu", "opção 2": the list, not the link again."""
    return reading is not None and (bool(MENU_WORDS & set(reading.words)) or (
        reading.has(Act.MENU_CHOICE)))  # fmt: skip


APOLOGY = frozenset(("desculpa", "desculpe", "desculpas", "perdao", "perdoa", "perdoe"))


def sorry(reading: TurnReading) -> bool:
    """ "ta desculpa, dia difícil": after an outburst, someone to greet again, not more spam."""
    words = list(reading.words)
    return bool(APOLOGY & set(words)) or any(words[i : i + 2] == ["foi", "mal"]
                                             for i in range(len(words)))  # fmt: skip


def missing_labels(
    content: Content, last: SessionRecord, said: frozenset[str] = frozenset()
) -> str:
    """ "usuários, cidade e prazo": the questions left when the form stopped (optional ones,
    those answered "não sei" and those this very message answers are not asked for again)."""
    if last.active_intent not in Intent.__members__:
        return ""
    slots = content.intents[Intent(last.active_intent)].slots
    labels = [s.label.lower() for s in slots if s.name not in last.slots and not s.optional
              and SLOT_FIELD.get(s.name, s.name) not in said]  # fmt: skip
    return " e ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)


def said_fields(reading: TurnReading | None) -> frozenset[str]:
    """The fields the message carries ("desculpa sumi. são 8 motoristas": the user count)."""
    return frozenset(found_fields(reading)) if reading is not None else frozenset()


def said_missing(content: Content, last: SessionRecord, reading: TurnReading | None) -> dict:
    """The fields the handed-off lead lacked, said now ("é pg sim... umas 30 entregas por
    dia"): the team's lead gains them."""
    if reading is None or reading.question or last.active_intent not in Intent.__members__:
        return {}
    found = found_fields(reading)
    slots = content.intents[Intent(last.active_intent)].slots
    return {s.name: found[SLOT_FIELD.get(s.name, s.name)] for s in slots
            if s.name not in last.slots and SLOT_FIELD.get(s.name, s.name) in found}  # fmt: skip


NEW_TEAM_NEEDS = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value,
                  Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value,
                  Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value)  # fmt: skip
NOT_A_NEW_NEED = (Act.SUPPORT_ISSUE, Act.HUMAN_REQUEST, Act.ABUSE, Act.OPT_OUT)
DRIVER = Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value
CLEAR_NEED = 0.8  # said so plainly that no complaint or question about the service reads so
ENTREGA = {Intent.PYLOTO_ENTREGA_REQUEST.value, Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value,
           Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value}  # fmt: skip  # one family of needs


def for_another_team(content: Content, last: SessionRecord, reading: TurnReading | None) -> bool:
    """ "ah, e vcs fazem site tb?" while the delivery team has the person: a need no team
    handed over owns yet; the bot takes it (a form, then that team's own handoff)."""
    if reading is None or reading.intent not in NEW_TEAM_NEEDS or not reading.has(
            Act.TOPIC_CHANGE) or reading.has(*NOT_A_NEW_NEED):  # fmt: skip
        return False
    if said_missing(content, last, reading):  # "voltei. somos eu e mais 2 vendedoras": the
        return False  # answer the stopped form waited for, not a shop's deliveries
    if reading.intent == DRIVER and for_someone_else(" ".join(reading.words)):
        return False  # "e meu sobrinho, como faz pra ser entregador?": answered, not a form
    clear = reading.confidence >= CLEAR_NEED  # "e eu quero ser entregador também"
    other = clear and reading.intent != last.active_intent  # not "sou entregador de vcs"
    if last.context.get("human_requested") or (last.context.get("support_case") and not other):
        return False  # the person asked for someone, or complained: that person, that case
    asked = reading.question and not clear  # a shop's "vcs dão conta de 100 entregas? o
    family = {reading.intent, last.active_intent} <= ENTREGA and (asked or _refused(reading))
    own = (reading.question and _about_it(reading)) or (_refused(reading) and not reading.negates)
    if family or own:  # motoboy me deixou na mão"; "da pra o sistema mandar lembrete?", "eu
        return False  # não quero chatbot": for the team that has the person
    routing = content.intents[Intent(reading.intent)].routing
    return routing not in {h.get("routing") for h in last.context.get("handoffs") or ()}


def _about_it(reading: TurnReading) -> bool:
    """ "o sistema", "esse app": the thing already asked for, named with its article (not
    "vcs fazem site tb?", which asks for another)."""
    words = reading.words
    return any(words[i] in THE and words[i + 1] in THINGS for i in range(len(words) - 1))


THE = frozenset(("o", "a", "esse", "essa", "meu", "minha", "nosso", "nossa"))
THINGS = frozenset(("sistema", "app", "aplicativo", "site", "plataforma", "programa", "robo",
                    "chatbot", "bot", "cadastro", "loja"))  # fmt: skip


def _refused(reading: TurnReading) -> bool:
    """ "nao quero ser entregadora nao kkk": the need named is the one refused."""
    words = reading.words
    return any(tuple(words[i : i + 2]) in REFUSALS for i in range(len(words) - 1))
