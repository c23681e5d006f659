"""Deadlines named by a date everyone knows, from Friday 04/12/2026."""

from __future__ import annotations

from datetime import date

import pytest

from pyloto_corp.domain.language.dates import deadline
from pyloto_corp.domain.language.holidays import easter
from pyloto_corp.domain.language.normalize import fold

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("year", "sunday"), [(2024, date(2024, 3, 31)), (2026, date(2026, 4, 5)),
                         (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25))],
)  # fmt: skip
def test_easter(year: int, sunday: date) -> None:
    assert easter(year) == sunday


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("antes do carnaval", "2027-02-09"),
        ("ate o dia das maes se der", "2027-05-09"),
        ("pro natal", "2026-12-25"),
        ("antes da black friday pq as vendas explodem", "2027-11-26"),
        ("ate a pascoa", "2027-03-28"),
        ("pra festa junina", "2027-06-24"),
    ],
)
def test_a_known_date_is_the_next_one(said: str, day: str) -> None:
    assert deadline(said, TODAY) == day


def test_a_date_mentioned_without_a_deadline_word_is_none() -> None:
    assert deadline("as vendas do natal foram boas", TODAY) is None


@pytest.mark.parametrize(
    "said", ["lá por março", "por volta de março", "lá por março mais ou menos"]
)
def test_about_a_month_is_that_month(said: str) -> None:
    assert deadline(fold(said), TODAY, answer=True) == "2027-03-31"
