"""A budget said as a range keeps both ends, and a correction at the summary reads the value
stated, not the one quoted back in a question."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.budgets import budget, budget_floor
from tests.unit.engine.conftest import Chat

SOFTWARE = ["quero um sistema pra acompanhar os processos do meu escritorio", "portal do cliente",
            "login, consulta e chat", "4", "Ponta Grossa", "até março"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("entre 15 e 25 mil", 15000, 25000), ("de 15 mil a 25 mil reais", 15000, 25000),
     ("uns 3k, no máximo 4k", 3000, 4000), ("500 a 2 mil", 500, 2000), ("30 mil", None, 30000)],
)  # fmt: skip
def test_both_ends_of_a_budget(text: str, low: int | None, high: int) -> None:
    assert budget(text, answer=True) == high and budget_floor(text, answer=True) == low


def _summary(chat: Chat, said: str) -> str:
    for text in SOFTWARE:
        chat.send(text)
    return chat.said(chat.send(said))


def test_a_range_is_shown_and_handed_over_as_a_range(chat: Chat) -> None:
    assert "R$ 15.000 a R$ 25.000" in _summary(chat, "entre 15 e 25 mil")
    step = chat.send("isso")
    assert step.handoff.requirements["budget"] == 25000
    assert step.handoff.requirements["budget_min"] == 15000


def test_a_single_figure_after_a_range_drops_the_old_low_end(chat: Chat) -> None:
    _summary(chat, "entre 15 e 25 mil")
    said = chat.said(chat.send("o orçamento na verdade é 40 mil"))
    assert "R$ 40.000" in said and "15.000" not in said


def test_the_value_quoted_back_in_a_question_is_not_taken(chat: Chat) -> None:
    _summary(chat, "entre 15 e 25 mil")
    said = chat.said(chat.send("Não! Orçamento de R$ 200?? É de 15 mil a 25 mil reais."))
    assert "R$ 15.000 a R$ 25.000" in said and "R$ 200" not in said


def test_a_count_said_with_its_name_wins_over_a_figure_after_it(chat: Chat) -> None:
    _summary(chat, "30 mil")
    said = chat.said(
        chat.send("Só um ajuste: na verdade são 7 usuários, esqueci das 2 auxiliares.")
    )
    assert "Usuários: 7" in said
    said = chat.said(chat.send("7 usuários tá errado, são 9"))
    assert "Usuários: 9" in said


@pytest.mark.parametrize("said", ["uns 200 por mes", "até 300 mensais", "R$ 250/mês"])
def test_a_monthly_fee_keeps_its_period(chat: Chat, said: str) -> None:
    assert "por mês" in _summary(chat, said)
    step = chat.send("isso")
    assert step.handoff.requirements["budget_period"] == "mês"


def test_a_one_off_budget_has_no_period(chat: Chat) -> None:
    assert "por mês" not in _summary(chat, "uns 20 mil")
