"""Stranger round 20 and turn rounds V and W: what they found, fixed."""

from __future__ import annotations

from pyloto_corp.domain.understanding.acts import ReadingContext
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat

DRIVER = "PYLOTO_ENTREGA_DRIVER_SIGNUP"


def test_a_greeting_before_the_need_does_not_hide_it(chat: Chat) -> None:
    step = chat.send("oi tudo bem? quero um chatbot pra minha loja")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"


def test_a_greeting_alone_names_no_need(chat: Chat) -> None:
    step = chat.send("oi de novo")
    assert step is not None and step.session.active_intent in (None, "ENTRY_UNKNOWN")


def test_an_answer_followed_by_how_are_you_is_an_answer() -> None:
    assert acts("loja de autopeças, tudo bem?", asked("business_type", "SAAS_COMMUNICATION")) == {
        "ANSWER"
    }


def test_a_would_be_courier_gets_no_delivery_link(chat: Chat) -> None:
    step = chat.send("to querendo trampa de motoboy com vcs, oq precisa de documento?")
    assert step is not None and step.session.active_intent == DRIVER
    assert "entrega/pedir" not in chat.said(step)


def test_saying_no_to_the_delivery_but_yes_to_the_offered_signup_keeps_the_signup(
    chat: Chat,
) -> None:
    chat.send("preciso mandar uma caixa pro centro hoje e tambem quero ser entregador")
    step = chat.send("n quero pedir entrega nao kkk, quero ser o motoboy")
    assert step is not None and step.session.active_intent == DRIVER
    assert "deixo isso de lado" not in chat.said(step)


def test_calling_the_bot_buggy_is_no_complaint_about_a_delivery() -> None:
    context = asked("name", DRIVER)
    assert "SUPPORT_ISSUE" not in acts("mano vc ta bugado kkkkk EU QUERO SER ENTREGADOR", context)


def test_thanks_with_a_compliment_is_small_talk_too() -> None:
    got = acts("obrigadinha viu, vcs são uns amores 🥰", ReadingContext(state="closed"))
    assert got == {"THANKS_GOODBYE", "SMALL_TALK"}
    assert acts("show de bola, vlw", ReadingContext(state="closed")) == {"THANKS_GOODBYE"}
