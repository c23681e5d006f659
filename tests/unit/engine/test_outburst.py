"""An insult mid-form closes that session in silence (SPEC §3); a calmer message soon after
carries on with the form, once."""

from __future__ import annotations

from datetime import timedelta

from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat

FORM = ["quero um app de delivery pro meu restaurante", "parar de pagar taxa do ifood",
        "cardapio, pedido e pix", "eu e minha mulher", "Castro", "pra ontem"]  # fmt: skip
INSULT = "porra eu pergunto o preço e vc me devolve a pergunta?? robo burro do caralho"


def test_an_apology_soon_after_an_outburst_goes_on_with_the_form(chat: Chat) -> None:
    for said in FORM:
        chat.send(said)
    assert not chat.said(chat.send(INSULT))
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]
    step = chat.send("foi mal, to estressado hj. nao sei quanto gastar, uns 8 mil?",
                     after=timedelta(minutes=2))  # fmt: skip
    assert "R$ 8.000" in chat.said(step) and "Castro" in chat.said(step)
    step = chat.send("isso")
    assert step.handoff.requirements["budget"] == 8000
    assert step.handoff.requirements["city"] == "Castro"


def test_a_second_outburst_ends_it_for_good(chat: Chat) -> None:
    for said in FORM:
        chat.send(said)
    chat.send(INSULT)
    chat.send("foi mal, uns 8 mil?", after=timedelta(minutes=2))
    chat.send("robo burro do caralho")
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM, Outcome.DUPLICATE_OR_SPAM]
    chat.send("quero um orçamento de um app", after=timedelta(minutes=2))
    assert chat.current is not None and "budget" not in chat.current.slots


def test_long_after_an_outburst_a_new_session_starts_fresh(chat: Chat) -> None:
    for said in FORM:
        chat.send(said)
    chat.send(INSULT)
    chat.send("oi, queria um orçamento", after=timedelta(hours=2))
    assert chat.current is not None and not chat.current.slots


def test_a_lawyer_introducing_himself_is_no_request_for_a_person(chat: Chat) -> None:
    said = ("Prezados, boa tarde. Chamo-me Heitor, advogado aposentado, e gostaria de conhecer"
            " a história da Pyloto: desde quando atuam e quem são os sócios.")  # fmt: skip
    step = chat.send(said)
    assert step.handoff is None and "Pyloto" in chat.said(step)
    assert "fora do escopo" not in chat.said(step) and "não é algo que a Pyloto faz" not in (
        chat.said(step))  # fmt: skip
