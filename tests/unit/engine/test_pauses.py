"""A pause in the middle of a form ("pera q vou atender um cliente") is acknowledged and the
question stays pending; a question that starts with "pera" is still a question."""

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
