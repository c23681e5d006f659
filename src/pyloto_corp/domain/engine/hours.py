"""When the team is back: a handoff made at night or on a weekend says so (the team works
Monday to Friday, 8h to 18h, Brasília time), instead of only "a resposta costuma ser rápida"."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.reading import local_time
from pyloto_corp.domain.engine.state import Step

OPENS, CLOSES = 8, 18
WEEKEND = 5  # Saturday and Sunday: weekday() 5 and 6


def back_at(at: datetime) -> str | None:
    """None within business hours; else "hoje às 8h", "amanhã às 8h" or "segunda às 8h"."""
    local = local_time(at)
    if local.weekday() < WEEKEND and OPENS <= local.hour < CLOSES:
        return None
    if local.weekday() < WEEKEND and local.hour < OPENS:
        return f"hoje às {OPENS}h"
    day = local.date() + timedelta(days=1)
    while day.weekday() >= WEEKEND:
        day += timedelta(days=1)
    return f"amanhã às {OPENS}h" if day == local.date() + timedelta(days=1) else (
        f"segunda às {OPENS}h")  # fmt: skip


def tell_when_back(flow: Flow, step: Step, at: datetime) -> None:
    """A handoff made out of hours tells, in the same message, when a person will read it
    (not in another language's reply, which says the hours already)."""
    handoff = step.handoff
    back = back_at(at) if handoff is not None and step.replies else None
    if back is None or (handoff.requirements or {}).get("language"):  # type: ignore[union-attr]
        return
    last = step.replies[-1]
    said = f"{last.body}\n\n{flow.text('after_hours', when=back)}"
    step.replies[-1] = dataclasses.replace(last, body=said)
