"""When the team is back: a handoff made at night or on a weekend says so (the team works
Monday to Friday, 8h to 18h, Brasília time), instead of only "a resposta costuma ser rápida"."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.reading import local_time
from pyloto_corp.domain.engine.state import Step

OPENS, CLOSES = 8, 18
WEEKEND = 5  # Saturday and Sunday: weekday() 5 and 6
WHATSAPP_WINDOW = timedelta(hours=24)  # after it, the team can only answer a new message


def opening_at(at: datetime) -> datetime:
    """When the team is next at work: ``at`` itself within business hours, else the next
    weekday at 8h (Brasília time)."""
    local = local_time(at)
    if local.weekday() < WEEKEND and OPENS <= local.hour < CLOSES:
        return at
    day = local.date() + timedelta(days=0 if local.weekday() < WEEKEND and local.hour < OPENS
                                   else 1)  # fmt: skip
    while day.weekday() >= WEEKEND:
        day += timedelta(days=1)
    return datetime.combine(day, time(OPENS), tzinfo=local.tzinfo)


def back_at(at: datetime) -> str | None:
    """None within business hours; else "hoje às 8h", "amanhã às 8h" or "segunda às 8h"."""
    opens, today = local_time(opening_at(at)).date(), local_time(at).date()
    if opens == today and opening_at(at) == at:
        return None
    if opens == today:
        return f"hoje às {OPENS}h"
    return f"amanhã às {OPENS}h" if opens == today + timedelta(days=1) else (
        f"segunda às {OPENS}h")  # fmt: skip


def tell_when_back(flow: Flow, step: Step, at: datetime) -> None:
    """A handoff made out of hours tells, in the same message, when a person will read it
    (not in another language's reply, which says the hours already)."""
    handoff = step.handoff
    back = back_at(at) if handoff is not None and step.replies else None
    if back is None or (handoff.requirements or {}).get("language"):  # type: ignore[union-attr]
        return
    last = step.replies[-1]
    key = "after_hours_window" if opening_at(at) - at >= WHATSAPP_WINDOW else "after_hours"
    said = f"{last.body}\n\n{flow.text(key, when=back)}"  # a weekend outlasts WhatsApp's 24 h
    step.replies[-1] = dataclasses.replace(last, body=said)
