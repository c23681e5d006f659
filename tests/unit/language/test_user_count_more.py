"""Lead values: counts (figures that count no one, corrections), names, availability."""

from __future__ import annotations

from datetime import date

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.dates import deadline
from pyloto_corp.domain.language.names import person_name
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.language.usage import availability
from pyloto_corp.domain.understanding.values import fits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a loja fica na rua 15 de novembro 840, lá somos em 5", 5),
        ("a gente abriu em 2018 e hoje somos 6", 6),
        ("quatro sem contar comigo", 5),
        ("trez pessoas", 3),
        ("atendo sozinho", 1),
        ("só euzinha mesmo 😅", 1),
    ],
)
def test_figures_that_count_no_one_are_left_out(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


def test_a_count_of_shops_is_no_count_of_people() -> None:
    assert user_count("a gente tem 3 lojas", answer=True) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4, não, 3, a Lu saiu semana passada", 3),
        ("7... ah não, 8 com o estagiário", 8),
        ("10. quer dizer, 12, esqueci dos 2 do financeiro", 12),
        ("5 atendentes, quer dizer, 5 de manha e 4 a noite", 9),
    ],
)
def test_a_corrected_count_is_the_figure_said_instead(text: str, expected: int) -> None:
    assert fits("count", text, bundled_gazetteer()) == expected


@pytest.mark.parametrize("text", ["quem responde somos eu e a Paula", "vamos usar eu e o Caio"])
def test_a_person_listed_after_and_is_not_the_writers_name(text: str) -> None:
    assert person_name(text, bundled_gazetteer()) is None
    assert person_name("e o Marcos aqui", bundled_gazetteer()) == "Marcos"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 pessoas, eu os 2 dentistas e a secretaria", 4),
        ("somos 5 pessoas: eu e 4 vendedores", 5),
        ("5 funcionarios, mas só 3 vão usar", 3),
        ("5 cabeleireiras, 2 manicures e a recepcionista", 8),
        (", e mais ninguém", None),
    ],
)
def test_an_answer_opening_with_the_total(text: str, expected: int | None) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dra Patricia Kowalski, consultorio Sorriso Pleno", "Patricia Kowalski"),
        ("Dr. João Silva", "João Silva"),
        ("dr Paulo, dra Renata e as 2 secretárias", None),
    ],
)
def test_a_title_opens_a_name_but_not_a_list_of_people(text: str, expected: str | None) -> None:
    assert person_name(text, bundled_gazetteer()) == expected


def test_a_period_one_is_busy_in_is_no_availability() -> None:
    said = tokens("de tarde e fim de semana pq de manha eu estudo")
    assert availability(said, bundled_gazetteer()) == ("tarde", "fim de semana")
    assert availability(tokens("de manha eu posso"), bundled_gazetteer()) == ("manhã",)


@pytest.mark.parametrize(
    ("text", "expected"), [("uma dúzia e meia", 18), ("qtro", 4), ("atendimento 24h", None)]
)
def test_dozens_typos_and_round_the_clock(text: str, expected: int | None) -> None:
    assert user_count(text, answer=True) == expected


def test_alias_corrects_the_count() -> None:
    assert fits("count", "6. aliás 7, esqueci do estagiário", bundled_gazetteer()) == 7


def test_a_call_time_and_a_parenthesis_list_count_right() -> None:
    assert user_count("quinta depois das 9 q é melhor", answer=True) is None
    assert user_count("uns 35 usuarios (30 motoristas e 5 do escritorio)", answer=True) == 35


def test_a_deadline_is_never_already_past_unless_its_year_is_said() -> None:
    friday = date(2026, 12, 4)
    assert deadline("inicio do ano", friday) == "2027-01-31"
    assert deadline("ate marco de 2026", friday) == "2026-03-31"
    assert deadline("o quanto antes ne, uns 2 mes ta bom", friday, answer=True) == "2027-02-04"
