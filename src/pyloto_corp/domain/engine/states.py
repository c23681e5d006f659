"""What the bot does with a reading, state by state (SPEC §10)."""

from __future__ import annotations

from pyloto_corp.domain.engine import form, notes, pauses
from pyloto_corp.domain.engine.anytime import handled_anytime, human
from pyloto_corp.domain.engine.area import area_again
from pyloto_corp.domain.engine.asides import answer_aside, other_service, takes_team_offer
from pyloto_corp.domain.engine.correction import Correction, in_summary
from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.offers import declines_offered
from pyloto_corp.domain.engine.opening import Opening
from pyloto_corp.domain.engine.state import TurnKind
from pyloto_corp.domain.engine.switching import Switch
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.language import budgets
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading

FORM_STATES = ("collecting", "confirming", "correcting")
FORM_NEEDS = tuple(Intent(n).value for n in ("CUSTOM_SOFTWARE", "SAAS_COMMUNICATION",
                   "PYLOTO_ENTREGA_DRIVER_SIGNUP", "PYLOTO_ENTREGA_MERCHANT_SIGNUP"))  # fmt: skip


class States:
    def __init__(self, dialogue: Dialogue, correction: Correction, opening: Opening) -> None:
        self.dialogue, self.correction, self.opening = dialogue, correction, opening
        self.switch = Switch(dialogue)

    def dispatch(self, flow: Flow, reading: TurnReading | None) -> None:
        if reading is None:
            return self._media(flow)
        flow.remember(media_streak=0, opening_fragment=None)  # a piece: read with this message
        if flow.content.says("away", list(reading.words), anywhere=True):
            flow.say("away_ok")  # "desculpa sumi, meu filho passou mal": no harm done
        if handled_anytime(flow, reading) or notes.handled(flow, reading, self.dialogue):
            return None  # "anota aí o número do escritório": with the lead
        state = flow.session.state
        if state in FORM_STATES and declines_offered(flow, reading):
            return self.dialogue.drop_queued(flow)
        if reading.withdraws and state in FORM_STATES:  # "deixa, não quero mais"
            return flow.finish(Outcome.AWAITING_USER, "need_withdrawn", message="withdrawn")
        if (state == "menu" and pauses.holds(flow, reading)) or pauses.opening_cut(flow, reading):
            return None  # "pera, chegou cliente"; "queria saber" (the rest comes next)
        if state == "collecting" and not flow.session.context.get("pending_slot"):
            state = "new"
        handlers = {
            "collecting": self._collecting, "confirming": self._confirming,
            "correcting": self._correcting,
            "info_given": self._after_info, "followup_time": self._followup_time,
        }  # fmt: skip
        return handlers.get(state, self.opening.open)(flow, reading)

    def in_portuguese(self, flow: Flow, reading: TurnReading | None, last: SessionRecord) -> None:
        """Back in Portuguese after an English or Spanish handoff: the need asked about then
        goes on here (unless this message names one of its own)."""
        flow.say("portuguese_back")
        flow.remember(writes_portuguese=True)  # an English phrase later is no new handoff
        asked = last.active_intent
        if reading is None or reading.has(Act.TOPIC_CHANGE) or asked not in FORM_NEEDS:
            return self.dispatch(flow, reading)
        return self.dialogue.start(flow, Intent(asked), _entities(reading), source="queue")

    def _media(self, flow: Flow) -> None:
        """A file or a place: acknowledged; the second in a row offers a call instead."""
        streak = int(flow.session.context.get("media_streak", 0)) + 1
        flow.remember(media_streak=streak)
        if flow.turn.kind is TurnKind.LOCATION:
            flow.say("location_ack")
        elif streak >= 2:
            flow.say("media_callback")
            flow.remember(offered_call=True)
        else:
            flow.say("audio_ack" if flow.turn.kind is TurnKind.AUDIO else "media_ack")
        if flow.session.state == "new":
            flow.menu()

    def _collecting(self, flow: Flow, reading: TurnReading) -> None:
        entities = _entities(reading)
        if reading.has(Act.TOPIC_CHANGE) and reading.intent in Intent.__members__:
            other = Intent(reading.intent)
            if reading.has(Act.ANSWER) and not reading.negates:  # an answer and another need
                form.store(flow, reading.answer, entities)
                return form.ask_next(flow) if self.switch.note(flow, other) else None
            if self.switch.handle(flow, other, negates=reading.negates, entities=entities):
                return None
        line = self._other_line(flow, reading)  # "e as entregas? vcs fazem tbm?": yes, noted
        if line or _paused(flow, reading):  # no answer, no miss
            return None
        answered = reading.has(Act.ANSWER) or reading.has(Act.CORRECTION)
        aside = line is None and answer_aside(flow, reading)
        if aside and not answered:
            form.learn(flow, entities, asked=reading.question)  # "funciona no insta tb?"
            known = not pauses.unknown_first(flow)  # "sei la, nao tenho ideia. vc é um robo?"
            return form.ask_again(flow) if known else form.skip(flow, form.pending(flow))
        if reading.has(Act.CORRECTION) and not reading.has(Act.ANSWER):
            form.amend(flow, entities)
            return form.ask_again(flow)
        dont_know = len(reading.words) <= pauses.SHORT_ANSWER_WORDS and flow.content.says(
            "dont_know", list(reading.words))  # fmt: skip
        dont_know = dont_know or (
            flow.session.context.get("pending_slot") == "budget"
            and (budgets.budget(" ".join(reading.words), answer=True) == "unknown")
        )  # "prefiro n dizer"
        value = reading.answer if reading.has(Act.ANSWER) else None
        value = value or form.guessed_city(flow, list(reading.words))
        learnable = not reading.has(Act.SIDE_QUESTION) and not reading.question
        return form.answer(flow, value, entities, dont_know=dont_know, learnable=learnable)

    def _other_line(self, flow: Flow, reading: TurnReading) -> bool | None:
        """Another line asked about in a form: yes, noted for later (None: not asked; True:
        the turn is done; False: the answer beside it goes on)."""
        other = other_service(flow, reading)
        if other is None:
            return None
        if not self.switch.note(flow, other, key="we_do_other"):
            return True
        if reading.has(Act.ANSWER, Act.CORRECTION):  # "umas 80 por dia. e as entregas?"
            return False
        form.ask_again(flow)
        return True

    def _correcting(self, flow: Flow, reading: TurnReading) -> None:
        if not self.switch.fixed_need(flow, reading, _entities(reading)):  # "o assunto tá errado"
            self.correction.handle(flow, reading, _entities(reading))

    def _confirming(self, flow: Flow, reading: TurnReading) -> None:
        """Yes → resolve; no → which field?; a value said in passing → re-confirm; "pensando
        bem, quero o site" → that need instead (not when fields are fixed); another → noted."""
        if reading.has(Act.TOPIC_CHANGE) and reading.intent in Intent.__members__ and not (
                reading.fixes):  # "as funcionalidades tão erradas, é ...": a fix  # fmt: skip
            other = Intent(reading.intent)
            if reading.negates:
                self.switch.replace(flow, other, _entities(reading))
                return None
            if not self.switch.note(flow, other):
                return None
        form.learn(flow, _entities(reading))  # "sou o diretor": said in passing, it counts
        answer_aside(flow, reading)  # "já escrevi ali: 6 usuários. E a faixa de preço?"
        if self.correction.fix(flow, reading) or (
            flow.turn.kind is not TurnKind.CHOICE and not reading.has(Act.AFFIRM)
            and self.correction.amend(flow, _entities(reading))):  # fmt: skip
            return None
        checked = reading.question and in_summary(flow, reading)  # "o Instagram entra, né?"
        if reading.has(Act.AFFIRM) and (checked or not reading.has(Act.CORRECTION)):
            if checked:
                flow.say("summary_check")  # "certinho. o Instagram entra também, né?": yes
            return self.dialogue.confirmed(flow)
        if reading.has(Act.DENY) or reading.has(Act.AFFIRM):  # "está certo, só corrigindo o
            return self.correction.offer(flow)  # volume: ...": a fix not read is asked, not lost
        return None if notes.unread_fix(flow, reading, self.dialogue) else form.confirm_again(flow)

    def _after_info(self, flow: Flow, reading: TurnReading) -> None:
        if offer := takes_team_offer(flow, reading):  # "pede pra eles me passarem o cnpj"
            return human(flow, reading, about=f"{offer} — ")
        changed = reading.has(Act.TOPIC_CHANGE, Act.MENU_CHOICE) and bool(reading.intent)
        if area_again(flow, reading) or (not changed and answer_aside(flow, reading)):
            return form.anything_else(flow)  # "mas vcs vão até curitiba?"
        if not changed and (reading.has(Act.DENY, Act.THANKS_GOODBYE) or reading.only_chatter):
            return flow.finish(Outcome.SELF_SERVE_INFO, "information_given", message="goodbye")
        if not changed and reading.has(Act.AFFIRM):
            return flow.menu()
        return self.opening.open(flow, reading)

    def _followup_time(self, flow: Flow, reading: TurnReading) -> None:
        """Waiting for a day and time: a new need is a new need; chatter asks once more."""
        if reading.has(Act.TOPIC_CHANGE) and reading.intent:
            return self.opening.open(flow, reading)
        aside = answer_aside(flow, reading)
        misses = int(flow.session.context.get("followup_misses", 0))
        if (aside or reading.only_chatter) and misses < 1:
            flow.remember(followup_misses=misses + 1)
            flow.say("followup_ask")
            return None
        said = " ".join((flow.turn.text or "").split())[:120]
        any_time = reading.has(Act.FOLLOWUP_REQUEST) and not reading.when  # "qualquer hora"
        when = said if not (reading.only_chatter or any_time) else flow.text("followup_default")
        flow.finish(Outcome.SCHEDULED_FOLLOWUP, "followup_requested", message="followup_done",
                    when=flow.callback(when, reading.when_window))  # fmt: skip


def _paused(flow: Flow, reading: TurnReading) -> bool:
    """A pause, a pointer back, "pq?" or "é caro pra mim": the question stays, no miss."""
    return any(
        f(flow, reading)
        for f in (pauses.holds, pauses.points_back, pauses.asks_why, pauses.finds_it_dear)
    )


def _entities(reading: TurnReading) -> Entities:
    return reading.entities if isinstance(reading.entities, Entities) else Entities()
