"""A free answer is stored as the team should read it: no "não respondeu", no "não sei o que
é isso", no leading "ah sim," nor a trailing "mas antes:"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.values import trimmed
from tests.support.turns import asked


def answer(text: str, slot: str = "features", intent: str = "CUSTOM_SOFTWARE"):
    return bundled_reader().read(text, asked(slot, intent)).answer


@pytest.mark.parametrize(
    "text",
    ["blz mas e o preço? nao respondeu", "funcionalidade eu não sei o que é isso não moço",
     "vc nao respondeu minha pergunta"],
)  # fmt: skip
def test_saying_the_question_was_not_understood_or_answered_is_no_answer(text: str) -> None:
    assert answer(text) is None


def test_the_words_around_an_answer_are_not_stored() -> None:
    said = "conectar produtor com comprador, sem atravessador. mas antes: vcs fazem remoto?"
    assert answer(said, "problem") == "conectar produtor com comprador, sem atravessador"
    assert answer("ah sim, a recepção não dá conta", "main_pain", "SAAS_COMMUNICATION") == (
        "a recepção não dá conta")  # fmt: skip


@pytest.mark.parametrize(
    ("said", "kept"),
    [("bom atendimento", "bom atendimento"), ("tipo um ifood", "tipo um ifood"),
     ("acho q as dúvidas de horário", "as dúvidas de horário"), ("agenda e", "agenda"),
     ("Olha: perco cliente", "perco cliente")],
)  # fmt: skip
def test_trimming_keeps_the_meaning(said: str, kept: str) -> None:
    assert trimmed(said) == kept


@pytest.mark.parametrize(
    ("said", "kept"),
    [("olha o problema é que as clientes ligam toda hora vírgula entendeu",
      "as clientes ligam toda hora"), ("o cliente não entendeu", "o cliente não entendeu"),
     ("controle de ponto", "controle de ponto"),
     ("agenda e financeiro, né?", "agenda e financeiro")],
)  # fmt: skip
def test_dictated_lead_ins_and_tags_are_dropped(said: str, kept: str) -> None:
    assert trimmed(said) == kept


def test_no_rush_but_a_date_is_the_date() -> None:
    context = replace(asked("deadline", kind="deadline"), now=datetime(2026, 12, 5, 10))
    reading = bundled_reader().read(
        "ah não tenho pressa não mas se desse pra antes do natal seria bom", context
    )
    assert reading.answer == "2026-12-25"
    assert bundled_reader().read("sem pressa", asked("deadline", kind="deadline")).answer == (
        "sem prazo")  # fmt: skip


@pytest.mark.parametrize(
    ("said", "name"),
    [("ah kkk é kauan", "Kauan"), ("é so Kauan", "Kauan"), ("rsrs Maria", "Maria"),
     ("Eduardo Lima", "Eduardo Lima"), ("Sonia", "Sonia")],
)  # fmt: skip
def test_a_name_without_the_words_leading_into_it(said: str, name: str) -> None:
    reading = bundled_reader().read(said, asked("name", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "name"))
    assert reading.answer == name


@pytest.mark.parametrize(
    ("said", "slot", "kind"),
    [("umas 100?", "message_volume", "volume"), ("tipo 10?", "user_count", "count"),
     ("uns 8 mil?", "budget", "budget")],
)  # fmt: skip
def test_a_figure_said_with_a_question_mark_is_a_hesitant_answer(
    said: str, slot: str, kind: str
) -> None:
    intent = "SAAS_COMMUNICATION" if slot == "message_volume" else "CUSTOM_SOFTWARE"
    assert bundled_reader().read(said, asked(slot, intent, kind)).answer is not None


@pytest.mark.parametrize(
    "said", ["da pra parcelar em 10x no cartao?", "qual o preço minimo de um sistema?"]
)
def test_a_question_with_a_number_in_it_is_still_a_question(said: str) -> None:
    assert bundled_reader().read(said, asked("budget", kind="budget")).answer is None
