"""Pressing while the team has the conversation: never left talking alone, never flooded,
and honest out of business hours (SPEC §11; round 12 of the stranger tests, g03/g04/g09)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.unit.engine.conftest import Chat

SATURDAY_NIGHT = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # Friday 23h in Brasília
LINK = "pyloto.com.br/entrega/pedir"


def at_night() -> Chat:
    chat = Chat()
    chat.now = SATURDAY_NIGHT
    return chat


def test_a_delivery_for_today_out_of_hours_hears_nobody_is_online_and_the_link() -> None:
    chat = at_night()
    chat.send("Boa tarde. Voces levam um bolo para minha neta hoje?")
    chat.send("Minha filha eu nao sei mexer nesses links. Nao da pra voce anotar aqui mesmo?")
    ack = chat.said(chat.send("Ta bom obrigada. O bolo tem que chegar ate as 17h"))
    assert "A equipe volta segunda às 8h" in ack and "logo alguém" not in ack
    pressed = chat.send("Mas segunda nao da, o aniversario é hoje!!")
    said = chat.said(pressed)
    assert "ninguém da equipe está online" in said and "segunda às 8h" in said
    assert LINK in said and pressed.team is not None and pressed.team.pressed
    later = chat.said(chat.send("Alguem ai? Preciso resolver isso hoje ainda", after=timedelta(
        minutes=15)))  # fmt: skip
    assert "segunda às 8h" in later and later not in said  # other words, same honesty


def test_a_bare_presence_check_right_after_a_note_stays_with_the_team() -> None:
    chat = at_night()
    first = chat.send("meu app ta bloqueado nao consigo pegar corrida desde ontem")
    handoff = first.handoff if first else None  # a courier's account, not an app to build
    assert handoff is not None and handoff.routing == "entrega_support"
    assert "entregador" in handoff.summary and "nome completo" in chat.said(first)
    pressed = chat.send("mas e hoje ninguem vai ver? to parado sem ganhar nada")
    assert "ninguém do suporte está online" in chat.said(pressed)
    burst = chat.send("alo???")
    assert not chat.said(burst) and burst.team is not None and not burst.team.pressed


def test_pressing_is_answered_a_few_times_then_the_messages_only_reach_the_team() -> None:
    chat = Chat()
    chat.send("quero falar com um atendente")
    first = chat.said(chat.send("é urgente, preciso de um sistema pra amanhã"))
    answered = [chat.said(chat.send("e aí, alguém vai me responder hoje?", after=timedelta(
        minutes=11))) for _ in range(3)]  # fmt: skip
    assert first and all(answered[:2]) and answered[2] == ""
    assert len({first, *answered[:2]}) == 3  # never the same words twice


def test_thanks_and_a_reply_of_the_team_are_no_pressing() -> None:
    chat = Chat()
    chat.send("CADE MINHA ENTREGA????")
    chat.send("pedi ontem e ate agora nada")
    thanks = chat.send("ok obrigado", after=timedelta(minutes=30))  # a courtesy, once
    assert chat.said(thanks).startswith("Eu que agradeço")
    assert not thanks.team.pressed  # type: ignore[union-attr]
