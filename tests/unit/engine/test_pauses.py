"""A pause in the middle of a form ("pera q vou atender um cliente") is acknowledged and the
question stays pending; a question that starts with "pera" is still a question, and one
with no canned answer is left for the team."""

from __future__ import annotations

from tests.unit.engine.conftest import Chat

ASKED = ["quero um sistema pra minha loja", "controlar o estoque que hoje é no caderno"]


def test_a_pause_is_acknowledged_and_the_question_stays(chat: Chat) -> None:
    for text in ASKED:
        chat.send(text)
    step = chat.send("pera q vou atender um cliente aqui")
    assert "sem pressa" in chat.said(step) and "features" not in chat.current.slots
    chat.send("pronto voltei. cadastro de produto e relatorio")
    assert chat.current.slots["features"] == "cadastro de produto e relatorio"


def test_a_question_after_pera_is_answered_not_taken_as_a_pause(chat: Chat) -> None:
    for text in ASKED:
        chat.send(text)
    step = chat.send("pera, vc é robo?")
    assert "sem pressa" not in chat.said(step) and "assistente virtual" in chat.said(step)


def test_a_question_with_no_canned_answer_is_left_for_the_team(chat: Chat) -> None:
    """ "precisa ter MEI?": no "não entendi", no miss counted; the question comes back."""
    for text in ("quero ser entregador", "Carlos Souza", "Castro"):
        chat.send(text)
    step = chat.send("o seguro da entrega é por conta de vcs ou tenho q fazer o meu?")
    said = chat.said(step)
    assert "time" in said and "Voltando" in said and "entender" not in said
    assert "vehicle" not in chat.current.slots
    second = chat.said(chat.send("e precisa ter mei pra começar ou nao precisa?"))
    assert second != said and "veículo" in second
    assert chat.current.slots.get("vehicle") is None
    chat.send("moto")
    assert chat.current.slots["vehicle"] == "moto"


def test_a_pause_at_the_menu_is_acknowledged_not_answered_with_the_menu(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("só um minuto que chegou cliente")
    said = chat.said(step)
    assert "sem pressa" in said and "entendi" not in said and chat.current.state == "menu"
    chat.send("pronto. queria um sistema pra controlar o fiado da minha loja")
    assert chat.current.state == "collecting"


def test_telling_about_ones_business_asks_for_the_need_not_about_pyloto(chat: Chat) -> None:
    chat.send("Boa tarde, me chamo Rogério, sou dono de uma auto peças aqui em Irati")
    step = chat.send("Temos 3 lojas e uns 18 funcionarios no total")
    said = chat.said(step)
    assert "no que a Pyloto pode te ajudar" in said and "empresa de tecnologia" not in said
    assert chat.current.state == "menu"
    chat.send("quero centralizar o whatsapp dos vendedores num numero so")
    assert chat.current.active_intent == "SAAS_COMMUNICATION"


def test_pointing_back_is_not_asked_again_nor_stored(chat: Chat) -> None:
    """ "já expliquei acima": the team reads it in the conversation; no "não entendi" loop."""
    for text in ASKED:
        chat.send(text)
    step = chat.send("ja expliquei acima")
    said = chat.said(step)
    assert "O time vai ler" in said and "entender" not in said
    assert chat.current.slots["features"] == "unknown"
    assert chat.current.context["pending_slot"] == "user_count"
