"""Stranger round 15 and turn round P (scenarios/pendentes/rodada-estranhos-15): fixed."""

from __future__ import annotations

from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat

DRIVER = ("oi", "quero ser entregador", "Marcos Silva", "Ponta Grossa", "moto", "de noite")


def test_confirming_and_telling_the_bot_to_go_away_still_sends_the_lead(chat: Chat) -> None:
    for line in DRIVER:
        chat.send(line)
    step = chat.send("ta certo, agora some daqui robo otario")
    assert step is not None and step.handoff is not None
    assert step.handoff.requirements["name"] == "Marcos Silva"
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]


def test_a_stop_at_the_summary_without_a_yes_stays_a_stop(chat: Chat) -> None:
    for line in DRIVER:
        chat.send(line)
    step = chat.send("para de me mandar mensagem")
    assert step is not None and step.replies == [] and step.handoff is None
    assert chat.outcomes == [Outcome.AWAITING_USER]


def test_chat_at_the_menu_is_answered_and_closes_nothing(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("desculpa a demora, farmácia cheia hoje")
    assert chat.outcomes == [] and "Infelizmente" not in chat.said(step)
