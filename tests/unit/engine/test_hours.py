"""A handoff out of business hours says when the team is back, in the same message."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pyloto_corp.domain.engine.hours import back_at
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
