"""Stranger round 19 (scenarios/pendentes/rodada-estranhos-19): what it found, fixed."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.engine.slots import need_said
from pyloto_corp.domain.language.budgets import budget, budget_floor
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.acts import ReadingContext
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat

RETIRED = ("Bom dia. Meu nome é Valdir Antunes, tenho 67 anos, sou aposentado da Copel faz uns 8 "
           "anos. Fico muito em casa e queria fazer uns bicos de entrega com meu carro, um Gol "
           "2009 bola, ta bem conservado")  # fmt: skip


def test_odd_jobs_delivering_with_ones_car_is_a_courier_signup(chat: Chat) -> None:
    step = chat.send(RETIRED)
    assert step is not None and step.session.active_intent == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert "entrega/pedir" not in chat.said(step)


def test_an_italian_name_keeps_its_di() -> None:
    said = extract("boa noite! aqui eh da Pizzaria Forno di Nonna, em PG.", bundled_gazetteer())
    assert said.business_name == "Pizzaria Forno di Nonna"


def test_asking_for_a_price_range_without_a_question_mark_is_a_price_question() -> None:
    text = "ta mas me fala pelo menos uma faixa de preco, nem que seja por cima 🙏"
    assert acts(text, ReadingContext(state="closed")) == {"SIDE_QUESTION"}


def test_the_greeting_stays_out_of_the_need() -> None:
    said = need_said("oi td bem? to querendo um site pro meu escritorio de advocacia, coisa "
                     "simples, com whats e formulario de contato")  # fmt: skip
    assert said.startswith("To querendo um site")


def test_complaining_of_being_ignored_is_no_answer() -> None:
    assert acts("Perguntei 2x do white label rs", asked("main_pain", "SAAS_COMMUNICATION")) == {
        "NON_ANSWER"
    }


def test_the_total_budget_wins_over_the_budget_per_client() -> None:
    said = ("Orçamento a gente pensa entre 300 e 500 reais por cliente/mês, no total uns 1.500 a "
            "2.500.")  # fmt: skip
    assert (budget_floor(said, answer=True), budget(said, answer=True)) == (1500, 2500)


def test_any_time_books_the_call_in_business_hours(chat: Chat) -> None:
    chat.send("quero um sistema pra minha loja, mas me liga depois")
    step = chat.send("qualquer hora tá bom")
    assert chat.outcomes == ["SCHEDULED_FOLLOWUP"] and "em horário comercial" in chat.said(step)
