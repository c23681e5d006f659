"""Correcting one answer, another need mid-form, the 3-intent limit, priorities, timeouts."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from pyloto_corp.adapters.language.resources import read_json
from pyloto_corp.domain.engine.content import Content, ContentError
from pyloto_corp.domain.engine.policy import Action
from pyloto_corp.domain.intents import Outcome

DRIVER = ["quero ser entregador", "sou o Carlos", "Ponta Grossa", "moto", "noites"]


def _fill(chat, lines=DRIVER) -> None:
    for line in lines:
        chat.send(line)


def test_quero_corrigir_offers_the_fields_and_fixes_only_the_chosen_one(chat) -> None:
    _fill(chat)
    offer = chat.send(choose="confirm_no")
    [fields] = offer.replies
    assert fields.kind == "list"
    assert [o.id for o in fields.options] == ["fix:name", "fix:city", "fix:vehicle",
                                              "fix:availability"]  # fmt: skip
    assert "cidade" in chat.said(chat.send(choose="fix:city"))
    again = chat.send("Curitiba")
    assert "Curitiba" in chat.said(again) and "Carlos" in chat.said(again)
    assert again.session.slots["vehicle"] == "moto"
    chat.send(choose="confirm_yes")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]


def test_a_field_named_in_words_or_a_new_value_said_in_passing(chat) -> None:
    _fill(chat)
    amended = chat.send("na verdade a cidade é Londrina")
    assert amended.session.state == "confirming" and amended.session.slots["city"] == "Londrina"
    chat.send("não")
    assert "veículo" in chat.said(chat.send("o veículo"))
    assert chat.send("carro").session.slots["vehicle"] == "carro"
    chat.send(choose="confirm_no")
    still = chat.send("hein?")  # the list again, in its third wording: with the summary
    assert still.session.state == "correcting" and "Carlos" in chat.said(still)
    assert still.replies[-1].kind == "list"
    assert chat.send("meu nome é Carlos Souza").session.slots["name"] == "Carlos Souza"


def test_unclear_confirmation_asks_again(chat) -> None:
    _fill(chat)
    again = chat.send("hmm")
    assert again.session.state == "confirming" and again.replies[-1].kind == "buttons"


def test_another_need_mid_form_is_noted_not_taken_as_the_answer(chat) -> None:
    chat.send("quero um sistema pra minha loja")
    noted = chat.send("quero ser entregador também")
    assert "Anotei" in chat.said(noted) and "problema" in chat.said(noted)
    assert noted.session.slots == {} and len(noted.session.queued_intents) == 1
    repeated = chat.send("quero ser entregador")
    assert len(repeated.session.queued_intents) == 1
    long_answer = "quero um app onde o entregador vê as corridas e o cliente acompanha o pedido"
    answered = chat.send(long_answer)
    assert answered.session.slots["problem"] == long_answer


def test_a_delivery_need_mid_form_is_answered_at_once(chat) -> None:
    chat.send("quero ser entregador")
    aside = chat.send("preciso de uma entrega urgente agora")
    assert "pyloto.com.br/entrega" in chat.said(aside) and "nome" in chat.said(aside)
    assert aside.session.active_intent == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert Action.ROUTE_EXTERNAL in [d.proposal.action for d in aside.decisions]
    _fill(chat, DRIVER[1:])
    done = chat.send("sim")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert done.handoff.intent_primary == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert "PYLOTO_ENTREGA_REQUEST" in done.handoff.resolved_intents


def test_a_fourth_need_ends_the_session_with_a_follow_up_handoff(chat) -> None:
    chat.send("quero um sistema pra minha loja")
    chat.send("quero ser entregador")
    chat.send("quero cadastrar meu restaurante no pyloto entrega")
    last = chat.send("queria saber do saas de atendimento")
    assert "vários assuntos" in chat.said(last)
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]
    assert len(last.handoff.intents_detected) == 3 and last.handoff.open_intents


def test_the_most_valuable_need_goes_first_and_the_other_waits(chat) -> None:
    first = chat.send("quero ser entregador e também preciso de um sistema")
    assert first.session.active_intent == "CUSTOM_SOFTWARE"
    assert [q.intent for q in first.session.queued_intents] == ["PYLOTO_ENTREGA_DRIVER_SIGNUP"]


def test_a_timed_out_partial_lead_carries_a_handoff_and_a_decision(chat) -> None:
    chat.send("quero um sistema pra minha loja")
    chat.send("controlar o estoque")
    chat.send("oi", after=timedelta(hours=3))
    [closed] = chat.closed
    assert closed.outcome == Outcome.SCHEDULED_FOLLOWUP
    assert closed.context["handoff"]["requirements"]["problem"] == "controlar o estoque"
    closing = [d.proposal for d in chat.steps[-1].decisions if "outcome" in d.proposal.parameters]
    assert [p.action for p in closing] == [Action.SCHEDULE]
    assert closing[0].parameters["outcome"] == closed.outcome


def test_a_follow_up_request_records_when(chat) -> None:
    chat.send("quero um sistema")
    asked = chat.send("me chama depois")
    assert "dia e horário" in chat.said(asked)
    done = chat.send("amanhã às 14h")
    assert done.handoff.requirements["followup_when"] == "amanhã às 14h"


def test_a_follow_up_with_its_time_is_recorded_at_once(chat) -> None:
    """ "Me liga amanhã à tarde": the time is kept and confirmed, never asked again."""
    chat.send("quero um sistema")
    done = chat.send("pode me ligar amanhã à tarde")
    assert done.handoff.requirements["followup_when"] == "amanhã à tarde"
    assert "amanhã à tarde" in chat.said(done) and chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("texts", "confirm_yes"), "Sim, está tudo certinho", "button title"),
        (("intents", "CUSTOM_SOFTWARE", "slots", 0, "label"), "N" * 25, "over 24"),
    ],
)
def test_content_over_whatsapp_limits_is_refused(path, value, message) -> None:
    doc = copy.deepcopy(read_json("content/pt_br.json"))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ContentError, match=message):
        Content.from_dict(doc)


def test_a_channel_taken_out_at_the_summary_leaves_the_list(chat) -> None:
    for text in (
        "quero um chatbot pro whatsapp",
        "loja de roupas",
        "whatsapp e telefone",
        "umas 50 por dia",
        "demora pra responder",
        "responder preço",
        "uns 300 por mês",
    ):
        step = chat.send(text)
    assert step.session.state == "confirming" and step.session.slots["channels"] == [
        "whatsapp", "telefone"]  # fmt: skip
    fixed = chat.send("telefone fixo não precisa, tira")
    assert fixed.session.slots["channels"] == ["whatsapp"]


def test_a_field_said_wrong_with_the_right_value_further_on_is_fixed(chat) -> None:
    """ "a cidade tá errada, me confundi, é em Carambeí que eu moro": no "qual cidade?"."""
    for text in ("quero ser entregador", "Carlos Souza", "Castro", "moto", "de manhã"):
        chat.send(text)
    step = chat.send("a cidade tá errada, me confundi, é em Carambeí que eu moro")
    assert chat.current.slots["city"] == "Carambeí" and "Carambeí" in chat.said(step)
