"""How long the team keeps a person after a handoff, and when a lead left unanswered is
handed over again."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pyloto_corp.domain.engine.flow import HANDED_OVER
from pyloto_corp.domain.engine.hours import CLOSES, OPENS, opening_at
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading

HANDED = {outcome.value for outcome in HANDED_OVER}
UNANSWERED_MEMORY = timedelta(days=7)


def taken_over(last: SessionRecord | None, at: datetime, window: timedelta) -> bool:
    """The last session was handed to a team that still has the person."""
    return (
        last is not None
        and last.outcome in HANDED
        and last.closed_at is not None
        and bool(last.context.get("handoffs"))
        and not last.context.get("takeover_released")
        and at < takeover_end(last.context, last.closed_at, window)
    )


def takeover_end(context: dict, since: datetime, window: timedelta) -> datetime:
    """The team keeps the person for ``window`` counted from when it is back at work, and
    never loses them while nobody works (a handoff made on Saturday night or Friday
    afternoon is still the team's on Monday); a call booked later ("me liga segunda às
    10h") keeps them until the window after its day."""
    end = max(since, opening_at(since)) + window
    if opening_at(end) != end:  # it would end while nobody works: the next working day too
        end = opening_at(end) + timedelta(hours=CLOSES - OPENS)
    booked = str(context.get("followup_window") or "")[:10]
    try:
        day = date.fromisoformat(booked) + timedelta(days=1)
    except ValueError:
        return end
    return max(end, datetime.combine(day, time(), tzinfo=since.tzinfo) + window)


def unanswered(last: SessionRecord | None, at: datetime, window: timedelta) -> bool:
    """The team had the person for the whole window and never answered (lately)."""
    if last is None or last.outcome not in HANDED or last.closed_at is None:
        return False
    context, since = last.context, at - last.closed_at
    if not context.get("handoffs") or context.get("team_replied") or since >= UNANSWERED_MEMORY:
        return False
    if context.get("takeover_released"):
        return context.get("takeover_release_reason") == "expired"
    return at >= takeover_end(context, last.closed_at, window)


SWITCH_MIN_WORDS = 3  # "ah pera, posso falar em português?": more than a "ok" or an emoji


def kept_case(last: SessionRecord) -> bool:
    """A complaint in the team's hands stays there when the person asks the bot to stop."""
    return bool(last.context.get("support_case"))


def back_in_portuguese(last: SessionRecord, reading: TurnReading | None) -> bool:
    """Handed over for writing in English or Spanish, now writing in Portuguese before the
    team answered: the bot can serve the person again (the takeover ends)."""
    handoff = last.context.get("handoff") or {}
    foreign = (handoff.get("requirements") or {}).get("language") in ("en", "es")
    written = reading is not None and len(reading.words) >= SWITCH_MIN_WORDS
    portuguese = written and not reading.has(Act.OTHER_LANGUAGE)  # type: ignore[union-attr]
    return foreign and portuguese and not last.context.get("team_replied")


def still_stopped(
    last: SessionRecord | None, at: datetime, reading: TurnReading | None, window: timedelta
) -> bool:
    """A moment after "para de me mandar mensagem", a "?" gets no reply; a need, a question,
    a person asked for, "oi" or a menu choice start again, on purpose."""
    closed = last.closed_at if last is not None else None
    stopped = last is not None and last.context.get("close_reason") == "opt_out"
    if not stopped or closed is None or at - closed >= window:
        return False
    asked = reading is not None and reading.question and len(reading.words) > 1  # not "?"
    return reading is None or not (asked or reading.has(*STARTS_AGAIN))


STARTS_AGAIN = (Act.TOPIC_CHANGE, Act.SIDE_QUESTION, Act.HUMAN_REQUEST, Act.SUPPORT_ISSUE,
                Act.FOLLOWUP_REQUEST, Act.MENU_CHOICE, Act.GREETING)  # fmt: skip
