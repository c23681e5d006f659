"""Deadlines and call-back windows, from real temporal phrases only (corpus/slots/README.md)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pyloto_corp.domain.language.dates import add_months, deadline, is_urgent
from pyloto_corp.domain.language.moments import window

FRIDAY = date(2026, 12, 4)
TEN_AM = datetime(2026, 12, 4, 10, 0)


@pytest.mark.parametrize(
    ("said", "expected"),
    [("pra ontem", "urgente"), ("o quanto antes", "urgente"), ("ate marco", "2027-03-31"),
     ("em marco", "2027-03-31"), ("fim de marco", "2027-03-31"), ("inicio de marco", "2027-03-10"),
     ("meados de marco", "2027-03-15"), ("fim do mes", "2026-12-31"), ("mes que vem", "2027-01-31"),
     ("comeco do mes que vem", "2027-01-10"), ("fim do ano", "2026-12-31"),
     ("ano que vem", "2027-12-31"), ("comeco do ano que vem", "2027-01-31"),
     ("meio do ano", "2027-06-30"), ("meio do ano que vem", "2027-06-30"),
     ("daqui 2 meses", "2027-02-04"), ("em uns 2 meses", "2027-02-04"),
     ("daqui 15 dias", "2026-12-19"), ("em 1 ano", "2027-12-04"), ("sem pressa", "sem prazo"),
     ("quando der", "sem prazo"), ("semana que vem", "2026-12-13"), ("essa semana", "2026-12-06"),
     ("ate dia 20", "2026-12-20"), ("ate o dia 2", "2027-01-02"), ("ate 15/01", "2027-01-15"),
     ("pra 15 12", "2026-12-15"), ("dia 10 de janeiro", "2027-01-10"),
     ("ate o natal", "2026-12-25"), ("preciso pra amanha", "2026-12-05"),
     ("hoje mesmo", "2026-12-04"), ("2 a 3 meses", "2027-03-04"),
     ("vou ver hoje com meu socio", None), ("sou o marco", None), ("ate 40/13", None)],
)  # fmt: skip
def test_deadlines_are_the_last_day_accepted(said: str, expected: str | None) -> None:
    assert deadline(said, FRIDAY) == expected


def test_a_bare_day_is_a_deadline_only_as_an_answer() -> None:
    assert deadline("amanha", FRIDAY) is None
    assert deadline("amanha", FRIDAY, answer=True) == "2026-12-05"
    assert deadline("so depois de amanha", FRIDAY, answer=True) == "2026-12-06"
    assert deadline("marco", FRIDAY, answer=True) == "2027-03-31"


def test_urgency_is_a_close_deadline() -> None:
    assert is_urgent("urgente", FRIDAY) and is_urgent("2026-12-18", FRIDAY)
    assert not is_urgent("2027-03-31", FRIDAY)
    assert not is_urgent("sem prazo", FRIDAY) and not is_urgent("unknown", FRIDAY)
    assert not is_urgent(None, FRIDAY)


def test_months_are_added_on_the_calendar() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("said", "expected"),
    [("amanha de manha", "2026-12-05T08:00/12:00"), ("amanha a tarde", "2026-12-05T12:00/18:00"),
     ("hoje a noite", "2026-12-04T18:00/21:00"), ("amanha", "2026-12-05T08:00/18:00"),
     ("segunda", "2026-12-07T08:00/18:00"), ("segunda depois das 14h", "2026-12-07T14:00/18:00"),
     ("as 15h", "2026-12-04T15:00/16:00"), ("depois do almoco", "2026-12-04T13:00/18:00"),
     ("segunda feira as 9h30", "2026-12-07T09:30/10:30"), ("amanha cedo", "2026-12-05T08:00/12:00"),
     ("entre 14 e 16", "2026-12-04T14:00/16:00"), ("quinta de tarde", "2026-12-10T12:00/18:00"),
     ("depois das 19", "2026-12-04T19:00/21:00"), ("amanha antes das 10", "2026-12-05T08:00/10:00"),
     ("no fim da tarde", "2026-12-04T16:00/18:00"), ("hora do almoco", "2026-12-04T12:00/13:00"),
     ("depois de amanha", "2026-12-06T08:00/18:00"), ("boa tarde", None), ("mais tarde", None),
     ("entre 16 e 14", None), ("as 25h", None)],
)  # fmt: skip
def test_call_back_windows(said: str, expected: str | None) -> None:
    assert window(said, TEN_AM) == expected


def test_a_part_of_the_day_already_gone_is_tomorrow() -> None:
    assert window("de manha", datetime(2026, 12, 4, 15, 0)) == "2026-12-05T08:00/12:00"


def test_a_year_said_is_kept() -> None:
    """ "março de 2026" is that March, even when it is already past (the team sees it)."""
    assert deadline("ate marco de 2026", FRIDAY) == "2026-03-31"
    assert deadline("inicio de marco de 2028", FRIDAY) == "2028-03-10"
