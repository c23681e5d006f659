"""Natal is a city and Christmas: "antes do Natal" is a date, "sou de Natal" a place."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from tests.support.turns import asked

CITY = asked("city", "CUSTOM_SOFTWARE", "city")


@pytest.mark.parametrize("text", ["antes do natal se der", "até o natal", "depois do natal"])
def test_a_holiday_is_no_city(text: str) -> None:
    assert bundled_reader().read(text, CITY).answer is None


@pytest.mark.parametrize("text", ["sou de natal", "Natal - RN", "moro em natal", "natal"])
def test_the_city_is_still_read(text: str) -> None:
    assert bundled_reader().read(text, CITY).answer == "Natal"
