"""A scripted conversation against the pure engine (no storage, injected time and ids)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pyloto_corp.adapters.language.resources import (
    bundled_gazetteer,
    bundled_reader,
    read_json,
)
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.domain.engine.policy import PolicyPack
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind

START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CONTENT = Content.from_dict(read_json("content/pt_br.json"))
# A courier's form answered up to its summary (rounds 15 and 16)
DRIVER_TO_SUMMARY = ("oi", "quero ser entregador", "Marcos Silva", "Ponta Grossa", "moto",
                     "de noite")  # fmt: skip


class Chat:
    def __init__(self, policies: PolicyPack | None = None) -> None:
        self.engine = Engine(CONTENT, bundled_gazetteer(), policies=policies,
                             reader=bundled_reader())  # fmt: skip
        self.now, self.count = START, 0
        self.area_code: str | None = None  # the phone's DDD, as converse reads it
        self.current = self.last = None
        self.closed: list = []
        self.steps: list[Step | None] = []

    def send(
        self,
        text: str | None = None,
        *,
        choose: str | None = None,
        kind: TurnKind = TurnKind.TEXT,
        after: timedelta = timedelta(seconds=20),
    ) -> Step | None:
        self.now += after
        self.count += 1
        if choose is not None:
            kind = TurnKind.CHOICE
        turn = Turn(f"m{self.count}", self.now, kind, text, choose, area_code=self.area_code)
        step = self.engine.handle(self.current, self.last, turn, user_key="u",
                                  new_session_id=f"s{self.count}")  # fmt: skip
        self.steps.append(step)
        if step is None:
            return None
        if step.closed_before is not None:
            known = self.last is not None and step.closed_before.session_id == self.last.session_id
            if not known:  # not a closed session changed again (a takeover that ends)
                self.closed.append(step.closed_before)
            self.last = step.closed_before
        if step.session.is_open:
            self.current = step.session
        else:
            if self.last is None or step.session.session_id != self.last.session_id:
                self.closed.append(step.session)
            self.current, self.last = None, step.session
        return step

    def said(self, step: Step | None) -> str:
        return " ".join(r.body for r in step.replies) if step else ""

    @property
    def outcomes(self) -> list[str]:
        return [s.outcome for s in self.closed]


@pytest.fixture
def chat() -> Chat:
    return Chat()


def at_summary(chat: Chat, lines: tuple[str, ...] = DRIVER_TO_SUMMARY) -> None:
    """Send every line: the conversation ends at the summary to confirm."""
    for line in lines:
        chat.send(line)


def back_after_idle(chat: Chat, before: tuple[str, ...], back: str, hours: int) -> Step:
    """The form started with ``before``, the person gone for ``hours`` (the session stops and
    is handed over), then ``back``: the step of that message, during the team's takeover."""
    for line in before:
        chat.send(line)
    step = chat.send(back, after=timedelta(hours=hours))
    assert step is not None and step.team is not None
    return step
