"""Natal is a city and Christmas; hours say the periods they mostly cover."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
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
