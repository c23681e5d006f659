"""A curse about one's own things, a stop said in one word, a complaint or the answer."""

from __future__ import annotations

import pytest

from tests.support.turns import acts, asked


@pytest.mark.parametrize(
    "text",
    [
        "o atendimento é uma merda pq é só eu, 1 pessoa pra 300 msg",
        "a gente perde mt cliente pq a atendente sai as 18h e o whats fica largado, é um lixo",
    ],
)
def test_a_curse_about_ones_own_service_is_the_answer(text: str) -> None:
    assert acts(text, asked("main_pain", "SAAS_COMMUNICATION")) == {"ANSWER"}


def test_a_curse_aimed_at_the_bot_or_the_company_is_still_abuse() -> None:
    assert "ABUSE" in acts("o atendimento de vcs é uma merda, to esperando ate agora")
    assert "ABUSE" in acts("que merda de bot")


def test_a_shop_owner_cursing_the_local_deliveries_is_a_lead_not_abuse() -> None:
    said = "tenho uma loja de material de construção, a entrega é um lixo aqui na cidade e quero"
    assert acts(said + " parceria") == {"TOPIC_CHANGE"}


def test_the_trouble_asked_about_is_no_complaint_unless_it_is_pylotos() -> None:
    context = asked("problem", "CUSTOM_SOFTWARE")
    assert acts("o sistema atual trava toda hora, queremos um novo", context) == {"ANSWER"}
    mine = acts("o app que vcs fizeram pra gente ta travando toda hora", context)
    assert "SUPPORT_ISSUE" in mine


@pytest.mark.parametrize("text", ["sai", "PARA", "😡 PARA", "chega"])
def test_one_word_stops_alone(text: str) -> None:
    assert acts(text, asked("city", "CUSTOM_SOFTWARE", "city")) == {"OPT_OUT"}


def test_the_same_words_inside_a_sentence_are_no_stop() -> None:
    assert "OPT_OUT" not in acts("para minha loja", asked("segment", "SAAS_COMMUNICATION"))


@pytest.mark.parametrize(
    ("text", "slot", "intent"),
    [
        ("porra, to fodido de pedido, uns 80 por dia", "delivery_volume",
         "PYLOTO_ENTREGA_MERCHANT_SIGNUP"),
        ("eita porra, esqueci q tinha q responder, Daniel aqui", "name",
         "PYLOTO_ENTREGA_DRIVER_SIGNUP"),
        ("o controle aqui é uma zona do caralho, ninguém sabe o que tem no estoque", "problem",
         "CUSTOM_SOFTWARE"),
    ],
)  # fmt: skip
def test_a_curse_aimed_at_nobody_beside_the_answer_is_the_answer(
    text: str, slot: str, intent: str
) -> None:
    assert acts(text, asked(slot, intent)) == {"ANSWER"}


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Osasco, porra, já disse", "city"),  # at having to say it again
        ("Recife porra, ta surdo?", "city"),
        ("meu nome é vai a merda", "name"),
    ],
)
def test_a_curse_at_the_bot_beside_the_answer_is_still_abuse(text: str, slot: str) -> None:
    assert "ABUSE" in acts(text, asked(slot, "PYLOTO_ENTREGA_DRIVER_SIGNUP"))


def test_and_the_mid_clause_lists_while_opening_a_clause_it_brings_up_a_subject() -> None:
    features = asked("features", "CUSTOM_SOFTWARE")
    listed = "marcar consulta, lembrete no whats pro paciente e o fisio ver a agenda dele"
    assert acts(listed, features) == {"ANSWER"}
    assert "TOPIC_CHANGE" in acts("cadastro e relatorio. ta, e o robo do whats?", features)


def test_turning_the_budget_question_back_is_no_answer_and_a_guess_no_value() -> None:
    budget = asked("budget", "CUSTOM_SOFTWARE", "budget")
    assert acts("vcs que tem que me dizer né", budget) == {"NON_ANSWER"}
