"""Natal is a city and Christmas; hours say the periods they mostly cover."""

from __future__ import annotations

from datetime import date

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.language.dates import deadline
from pyloto_corp.domain.language.entities import extract
from tests.support.turns import asked

CITY = asked("city", "CUSTOM_SOFTWARE", "city")


@pytest.mark.parametrize("text", ["antes do natal se der", "até o natal", "depois do natal"])
def test_a_holiday_is_no_city(text: str) -> None:
    assert bundled_reader().read(text, CITY).answer is None


@pytest.mark.parametrize("text", ["sou de natal", "Natal - RN", "moro em natal", "natal"])
def test_the_city_is_still_read(text: str) -> None:
    assert bundled_reader().read(text, CITY).answer == "Natal"


@pytest.mark.parametrize(
    ("text", "periods"),
    [("tipo 14h as 19h", ("tarde",)), ("das 17h as 22h", ("noite",)),
     ("das 8 as 12", ("manhã",)), ("das 10h às 16h", ("manhã", "tarde"))],
)  # fmt: skip
def test_an_hour_into_another_period_does_not_add_it(text: str, periods: tuple) -> None:
    assert extract(text, bundled_reader().gazetteer, None).availability == periods


@pytest.mark.parametrize(
    ("text", "volume"),
    [("em noite de fim de semana chega umas 300 mensagens", "300/noite"),
     ("por dia chegam uns 50 pedidos", "50/dia"), ("tenho 3 lojas e 20 funcionarios", None)],
)  # fmt: skip
def test_a_period_said_before_the_figure(text: str, volume: str | None) -> None:
    assert extract(text, bundled_reader().gazetteer, None).volume == volume


def test_money_to_spend_per_month_is_a_budget_not_a_volume() -> None:
    found = extract("tenho uns 500 por mes pra gastar com isso", bundled_reader().gazetteer, None)
    assert found.budget == 500 and found.volume is None


@pytest.mark.parametrize(
    ("text", "company"),
    [("as entregas do mercado todo dia", None), ("o Mercado Todo Dia", "Mercado Todo Dia"),
     ("minha loja se chama Sempre Bela", "Sempre Bela")],
)  # fmt: skip
def test_a_time_word_starts_no_company_name_unless_capitalized(text: str, company) -> None:
    assert extract(text, bundled_reader().gazetteer, None).business_name == company


def test_two_figures_in_a_row_are_a_range_of_months() -> None:
    assert deadline("o estoque nao tem pressa, umas 2 3 meses", date(2026, 12, 5)) == "2027-03-05"


@pytest.mark.parametrize(
    ("text", "company"),
    [("o app da academia ne", None), ("a padaria Pão Quente viu", "Padaria Pão Quente")],
)
def test_a_spoken_tag_is_no_part_of_a_company_name(text: str, company) -> None:
    assert extract(text, bundled_reader().gazetteer, None).business_name == company
