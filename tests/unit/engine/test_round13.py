"""Stranger round 13 (scenarios/pendentes/rodada-estranhos-13): what it found, fixed."""

from __future__ import annotations

from tests.unit.engine.conftest import Chat


def test_a_person_asked_for_not_to_talk_to_a_robot_is_no_chatbot_lead(chat: Chat) -> None:
    step = chat.send("Quero falar com um atendente humano por favor. Não quero falar com robô.")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "triage"


def test_a_person_asked_for_about_a_named_need_reaches_that_team(chat: Chat) -> None:
    step = chat.send("quero falar com alguém sobre entrega pra minha loja")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_commercial"
