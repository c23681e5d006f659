"""No need yet (a new session, the menu, "anything else?"): start the one the person named."""

from __future__ import annotations

import dataclasses

from pyloto_corp.domain.engine.asides import answer_aside
from pyloto_corp.domain.engine.closed import for_a_business, sorry
from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.switching import merge_detected, over_limit
from pyloto_corp.domain.intents import (
    MAX_INTENTS_PER_SESSION,
    DetectedIntent,
    Intent,
    Outcome,
    choose_active,
)
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.records import QueuedIntent
from pyloto_corp.domain.understanding.acts import Act, TurnReading

NEVER_QUEUED = (Intent.UNSUPPORTED, Intent.ENTRY_UNKNOWN)  # no need to offer later
NOT_TOLD = (Intent.UNSUPPORTED.value, Intent.ENTRY_UNKNOWN.value)
SUBSTANTIAL_WORDS = 3
TOLD_ABOUT = 0.5  # below this, "about Pyloto" is a guess, not a question about Pyloto
INTRODUCED = 0.75  # said with one's name and company: still only who is writing
NAMED_CONFIDENCE = 0.5
CANNED = ("price", "where", "hours", "cnpj", "jobs", "robot", "phone")  # the content answers
AUDIO_QUESTION_WORDS = 12  # "não dá pra ouvir áudio?": a short question about voice messages
TOLD_WORDS, TOLD = 12, 0.35  # a long message that tells the need and asks something besides
DELIVERY, MERCHANT = (Intent.PYLOTO_ENTREGA_REQUEST.value,
                      Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value)  # fmt: skip
BUSINESS = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value,
            Intent.PYLOTO_ENTREGA_REQUEST.value, Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value,
            Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value)  # fmt: skip


class Opening:
    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def open(self, flow: Flow, reading: TurnReading) -> None:
        entities = reading.entities if isinstance(reading.entities, Entities) else Entities()
        if flow.session.state == "new" and reading.has(Act.GREETING) and flow.content.says(
                "how_are_you", list(reading.words), anywhere=True):  # fmt: skip
            if reading.has(Act.SIDE_QUESTION):  # "tudo bem? vcs tão contratando?": answered
                flow.say("how_reply")  # before the question
            else:
                flow.remember(asked_how=True)  # "bom dia, tudo bem?": answered before anything
        if reading.has(Act.MENU_CHOICE) and reading.intent in Intent.__members__:
            return self._chosen(flow, Intent(reading.intent), entities)
        if _handled_plainly(flow, reading):
            return None
        after_link = flow.session.context.get("routed") == DELIVERY and for_a_business(reading)
        if after_link or _shop_deliveries(reading, entities):  # "tenho uma farmácia... umas
            reading = dataclasses.replace(reading, needs=(MERCHANT,), confidence=1.0)  # 20/dia"
        if reading.has(Act.SIDE_QUESTION) and not reading.has(Act.TOPIC_CHANGE):
            named = reading.needs[0] if reading.needs else None
            told = len(reading.words) >= TOLD_WORDS  # "tenho uma farmácia..., quanto cobram?"
            sent = named == DELIVERY and reading.topic == "price"  # "quanto custa pra mandar
            # uma caixa de bolo daqui até o centro?": the link shows the price
            asks_where = reading.topic == "where"  # "vcs fazem entrega em curitiba?": first
            if named in BUSINESS and not asks_where and (sent or reading.confidence >= (
                    TOLD if told else NAMED_CONFIDENCE)):  # fmt: skip
                if (told or reading.topic == "price") and reading.topic != "how_it_works" and (
                        not sent):  # fmt: skip
                    answer_aside(flow, reading)  # the price question is answered too
                return self._classified(flow, reading, entities)  # "vcs fazem app?": a need
        changed = reading.has(Act.TOPIC_CHANGE)  # "que tipo de vaga tem? tenho moto e CNH":
        aside = answer_aside(flow, reading) if not changed or reading.topic in CANNED else False
        if not changed:  # no "não sei responder" before the need it starts
            if aside:  # a question about Pyloto, answered in a few words: information given
                flow.remember(detected=merge_detected(flow.session, [Intent.INSTITUTIONAL.value]))
                return self.dialogue.start(flow, Intent.INSTITUTIONAL, entities,
                                           source="side_question")  # fmt: skip
            if flow.session.context.get("offered_call") and reading.when:
                when = flow.callback(reading.when, reading.when_window)
                return flow.finish(Outcome.SCHEDULED_FOLLOWUP, "followup_requested",
                                   message="followup_done", when=when)  # fmt: skip
        return self._classified(flow, reading, entities)

    def _chosen(self, flow: Flow, intent: Intent, entities: Entities) -> None:
        if over_limit(flow, [intent.value]):
            return None
        flow.remember(confidence=1.0, signals=["explicit_choice"])
        flow.remember(detected=merge_detected(flow.session, [intent.value]))
        return self.dialogue.start(flow, intent, entities, source="choice")

    def _classified(self, flow: Flow, reading: TurnReading, entities: Entities) -> None:
        """The needs the reading named; beyond the first they are queued (three at most)."""
        if _tells_about_itself(reading):  # "temos 3 lojas e uns 18 funcionários"
            named = entities.name and flow.session.state == "new"  # "Aqui é a Marlene, da X"
            flow.say("greeting_named", name=entities.name.split()[0]) if named else flow.say(
                "tell_need")  # fmt: skip
            return flow.menu() if flow.session.state == "new" else None
        found = [Intent(i) for i in reading.needs or (Intent.ENTRY_UNKNOWN.value,)]
        found = found[:MAX_INTENTS_PER_SESSION]
        substantial = reading.has(Act.TOPIC_CHANGE) or len(reading.words) >= SUBSTANTIAL_WORDS
        if found == [Intent.UNSUPPORTED] and not substantial:
            found = [Intent.ENTRY_UNKNOWN]  # "perai", "hã": unclear, not out of scope
        if reading.intent in Intent.__members__ and Intent(reading.intent) not in found:
            found = [Intent(reading.intent), *found][:MAX_INTENTS_PER_SESSION]
        if over_limit(flow, [i.value for i in found if i not in (Intent.ENTRY_UNKNOWN,)]):
            return None
        active = choose_active([DetectedIntent(i) for i in found])
        flow.remember(confidence=reading.confidence, signals=sorted(entities.found()),
                      detected=merge_detected(flow.session, [i.value for i in found]))  # fmt: skip
        queued = [QueuedIntent(i.value, flow.turn.at, None) for i in found
                  if i is not active and i not in NEVER_QUEUED]  # fmt: skip
        flow.update(queued_intents=tuple(queued[: MAX_INTENTS_PER_SESSION - 1]))
        return self.dialogue.start(flow, active, entities, source="classifier")


def _tells_about_itself(reading: TurnReading) -> bool:
    """A statement about one's own business, read as "about Pyloto" only by a weak guess: no
    need and no question yet, so the person is asked what they need instead of hearing
    about Pyloto."""
    guessed = reading.needs[:1] == (Intent.INSTITUTIONAL.value,)
    if guessed and reading.confidence < TOLD_ABOUT and not reading.question:
        return True
    found = reading.entities  # "Aqui é a Marlene do escritório de contabilidade X.": who writes
    introduced = found is not None and bool(found.name and found.is_business)
    if guessed and introduced and reading.confidence < INTRODUCED and not reading.question:
        return True
    return _introduces_business(reading)


def _introduces_business(reading: TurnReading) -> bool:
    """ "sou dentista aqui em guarapuava, tenho um consultório com mais 2 dentistas": who
    one is and what one runs, with no request yet, is no out-of-scope request."""
    found = reading.entities
    business = found is not None and bool(found.business_kind or found.role or found.is_business)
    unsupported = reading.needs[:1] == (Intent.UNSUPPORTED.value,)
    quiet = not (reading.acts - {Act.GREETING}) and not reading.question
    return unsupported and quiet and business


def _helped_at_menu(flow: Flow, reading: TurnReading) -> bool:
    """Laughter or "ok" at the menu is never out of scope; "não entendi essas opção" (once)
    hears how to say it in one's own words instead of the same list again."""
    lost = flow.content.says("lost", list(reading.words), anywhere=True)
    if lost and not flow.session.context.get("menu_helped"):
        flow.remember(menu_helped=True)
        flow.say("menu_help")
        return True
    if reading.only_chatter:  # "tudo bem?" after the menu: answered as asked
        asked = flow.content.says("how_are_you", list(reading.words), anywhere=True)
        flow.say("how_reply" if asked else "menu_nudge")
        return True
    return False


def _handled_plainly(flow: Flow, reading: TurnReading) -> bool:
    """ "não dá pra ouvir áudio?" (text only, or a call); at the menu, laughter, "ok" or
    "não entendi essas opção" with no need named."""
    asked = reading.question and not reading.has(Act.TOPIC_CHANGE, Act.HUMAN_REQUEST)
    short = len(reading.words) <= AUDIO_QUESTION_WORDS  # not "tô mandando por áudio, ... eu
    # queria saber se vocês pegam motorista aposentado" (a dictated message, read as text)
    if asked and short and flow.content.says("audio", list(reading.words), anywhere=True):
        flow.remember(offered_call=True)
        flow.say("audio_question")
        return True
    quiet = not reading.has(Act.TOPIC_CHANGE, Act.MENU_CHOICE, Act.SIDE_QUESTION)
    if quiet and _vents(flow, reading):  # "QUE PALHAÇADA É ESSA": what happened, not the menu
        flow.remember(vented=True)
        flow.say("vent_ask")
        return True
    if quiet and sorry(reading) and (reading.needs or (None,))[0] in (None, *NOT_TOLD):
        flow.say("apology_ok")  # "ta desculpa, dia difícil, vamo lá": no harm done
        return flow.session.state != "new" or not flow.menu()
    return flow.session.state == "menu" and quiet and _helped_at_menu(flow, reading)


def _vents(flow: Flow, reading: TurnReading) -> bool:
    """Anger with nothing told yet (no need, no order, no question): asked what happened."""
    unclear = (reading.needs or (None,))[0] in (None, *NOT_TOLD)
    said = flow.content.says("vent", list(reading.words), anywhere=True)
    return said and unclear and not flow.session.context.get("vented")


def _shop_deliveries(reading: TurnReading, entities: Entities) -> bool:
    """A business telling how many deliveries it makes a day or week wants Pyloto Entrega
    for the company, whatever else it asks ("...umas 20 30 entregas por dia... quanto
    cobram?"), not the link for one delivery nor information about Pyloto."""
    deliveries = {DELIVERY, MERCHANT} & set(reading.needs)
    return bool(deliveries) and bool(entities.is_business) and "/" in str(entities.volume or "")
