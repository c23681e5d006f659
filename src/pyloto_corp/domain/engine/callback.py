"""A person asked for, with the time to call ("prefiro falar com o responsável; me liguem na
quarta de manhã"): the lead so far goes to the team with the call booked, in a form or at its
summary, instead of a bare request for a person."""

from __future__ import annotations

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.intents import Outcome
from pyloto_corp.domain.understanding.acts import Act, TurnReading

FILLING = ("collecting", "confirming")


def with_person(flow: Flow, reading: TurnReading) -> bool:
    """True when the call was booked (and the session closed with it)."""
    if not (reading.when and reading.has(Act.FOLLOWUP_REQUEST)):
        return False
    if flow.session.state not in FILLING:
        return False
    when = flow.callback(reading.when, reading.when_window)
    flow.remember(human_requested=True)
    flow.finish(Outcome.SCHEDULED_FOLLOWUP, "followup_requested", requested=True,
                message="followup_done", when=when)  # fmt: skip
    return True
