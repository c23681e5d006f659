"""A courier's complaint (a payout, the rides) reaches support as a courier's, and a need
offered after another one can be put off."""

from __future__ import annotations

from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat


def test_a_courier_missing_a_payout_is_told_to_support_as_a_courier(chat: Chat) -> None:
    step = chat.send("sou motoboy de vcs e o repasse da semana passada nao caiu ate agora")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and step.handoff.routing == "entrega_support"
    assert step.handoff.intent_primary == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert "entregador que trabalha com o Pyloto Entrega" in step.handoff.summary
    said = chat.said(step)
    assert "período e o valor" in said and "endereço" not in said


def test_a_customer_complaint_about_a_delivery_is_no_courier_case(chat: Chat) -> None:
    step = chat.send("o motoboy de vcs nao apareceu pra buscar meu pacote")
    assert step.handoff.intent_primary == "PYLOTO_ENTREGA_REQUEST"
    assert "endereço" in chat.said(step)


def test_a_system_customer_talking_of_payments_is_no_courier(chat: Chat) -> None:
    chat.send("quero um sistema pra minha loja")
    step = chat.send("o sistema que vcs fizeram ta cobrando errado o meu pagamento")
    assert step.handoff.intent_primary == "CUSTOM_SOFTWARE"


def test_a_courier_unpaid_writing_in_english_reaches_support(chat: Chat) -> None:
    step = chat.send("Hi, I've been doing deliveries for Pyloto for 2 months and I didn't get"
                     " paid for last week. Who can I talk to?")  # fmt: skip
    assert step.handoff.routing == "entrega_support"
    assert step.handoff.intent_primary == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert step.handoff.requirements["language"] == "en"


def test_a_would_be_courier_in_english_goes_to_signup(chat: Chat) -> None:
    step = chat.send("Hi, I want to work as a courier with my motorcycle, how much do you pay?")
    assert step.handoff.routing != "entrega_support"


DRIVER = ["quero ser entregador", "Carlos Souza", "Castro"]


def test_a_would_be_courier_asking_what_it_pays_hears_about_earnings(chat: Chat) -> None:
    for said in DRIVER:
        chat.send(said)
    said = chat.said(chat.send("tenho moto. e quanto paga por entrega?"))
    assert "entregador ganha" in said and "orçamento" not in said


def test_after_the_signup_what_it_pays_is_no_request_for_the_delivery_link(chat: Chat) -> None:
    for said in [*DRIVER, "moto", "de manhã", "sim"]:
        chat.send(said)
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert "pyloto.com.br/entrega" not in chat.said(chat.send("e quanto paga por entrega?"))


def test_a_question_about_the_conditions_is_left_for_the_team_not_the_bots_process(
    chat: Chat,
) -> None:
    for said in DRIVER:
        chat.send(said)
    said = chat.said(chat.send("precisa ter MEI pra ser entregador?"))
    assert "fica com o time" in said and "eu anoto o que você precisa" not in said
    said = chat.said(chat.send("moto. e depois, o que acontece?"))
    assert "time certo" in said


def test_a_shop_owner_writing_in_spanish_reaches_the_merchant_team(chat: Chat) -> None:
    step = chat.send("Hola! Tengo una panadería en Ponta Grossa. Necesito alguien que haga los"
                     " envíos de mis pedidos, como funciona?")  # fmt: skip
    assert step.handoff.routing == "entrega_commercial"
    assert step.handoff.requirements["language"] == "es"
