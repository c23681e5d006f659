"""A handoff out of business hours says when the team is back, in the same message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pyloto_corp.domain.engine.hours import back_at
from pyloto_corp.domain.engine.takeover_window import takeover_end
from tests.unit.engine.conftest import Chat


@pytest.mark.parametrize(
    ("utc", "back"),
    [(datetime(2026, 11, 23, 12, tzinfo=UTC), None),  # Monday 9h in Brasília
     (datetime(2026, 11, 23, 9, tzinfo=UTC), "hoje às 8h"),  # Monday 6h
     (datetime(2026, 11, 23, 22, tzinfo=UTC), "amanhã às 8h"),  # Monday 19h
     (datetime(2026, 11, 27, 22, tzinfo=UTC), "segunda às 8h"),  # Friday 19h
     (datetime(2026, 11, 28, 5, tzinfo=UTC), "segunda às 8h")],  # Saturday 2h
)  # fmt: skip
def test_when_the_team_is_back(utc: datetime, back: str | None) -> None:
    assert back_at(utc) == back


def test_a_handoff_on_a_saturday_night_says_monday(chat: Chat) -> None:
    chat.now = datetime(2026, 11, 28, 5, tzinfo=UTC)
    step = chat.send("quero falar com um atendente")
    assert step.handoff is not None and len(step.replies) == 1
    assert "a equipe volta segunda às 8h" in chat.said(step)


def test_a_handoff_in_business_hours_says_nothing_more(chat: Chat) -> None:
    step = chat.send("quero falar com um atendente")
    assert "fora do horário" not in chat.said(step)


def test_a_reply_in_english_gets_no_portuguese_line(chat: Chat) -> None:
    chat.now = datetime(2026, 11, 28, 5, tzinfo=UTC)
    step = chat.send("Hello, I need to talk to someone about an app")
    assert "fora do horário" not in chat.said(step)


def test_a_question_after_an_answer_that_no_text_covers_offers_a_person(chat: Chat) -> None:
    chat.send("vcs estao contratando? como mando curriculo?")
    said = chat.said(chat.send("e vcs aceitam remoto?"))
    assert "quero falar com uma pessoa" in said and "eu anoto o que você precisa" not in said


def test_a_city_in_a_question_does_not_replace_the_city_said() -> None:
    chat = Chat()
    chat.send("quero um sistema pra minha loja, sou de Curitiba")
    chat.send("vcs sao de onde? preciso ir presencial em Ponta Grossa ou da pra fazer tudo online?")
    assert (chat.current or chat.last).context["profile"]["city"] == "Curitiba"


@pytest.mark.parametrize(
    ("since", "end"),
    [(datetime(2026, 11, 23, 12, tzinfo=UTC), datetime(2026, 11, 24, 12, tzinfo=UTC)),  # Mon 9h
     (datetime(2026, 11, 28, 5, tzinfo=UTC), datetime(2026, 12, 1, 11, tzinfo=UTC)),  # Sat 2h
     (datetime(2026, 11, 27, 12, tzinfo=UTC), datetime(2026, 11, 30, 21, tzinfo=UTC)),  # Fri 9h
     (datetime(2026, 11, 27, 20, tzinfo=UTC), datetime(2026, 11, 30, 21, tzinfo=UTC))],  # Fri 17h
)  # fmt: skip
def test_the_takeover_never_ends_while_nobody_works(since: datetime, end: datetime) -> None:
    """A handoff made on Saturday night is the team's from Monday 8h for the window; one
    made on a Friday is still theirs on Monday until the end of the day."""
    assert takeover_end({}, since, timedelta(hours=24)) == end


def test_a_weekend_handoff_says_how_to_reopen_whatsapps_window(chat: Chat) -> None:
    chat.now = datetime(2026, 11, 28, 5, tzinfo=UTC)  # Saturday 2h: back in 54 h
    said = chat.said(chat.send("quero falar com um atendente"))
    assert "24 h" in said and "mandar um oi" in said
    weekday = Chat()
    weekday.now = datetime(2026, 11, 23, 22, tzinfo=UTC)  # Monday 19h: back in 13 h
    assert "24 h" not in weekday.said(weekday.send("quero falar com um atendente"))
