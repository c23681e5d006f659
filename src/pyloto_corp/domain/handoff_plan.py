"""What a turn writes for the team: new handoffs, the person's messages, a takeover's end.

Pure (no I/O): the turn's plan calls it and the writes join the turn's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pyloto_corp.domain.conversation import StoredMessage
from pyloto_corp.domain.engine.state import TeamNote
from pyloto_corp.domain.engine.takeover_window import takeover_end
from pyloto_corp.domain.handoff import handoff_ids
from pyloto_corp.domain.handoff_events import (
    EventKind,
    HandoffEvent,
    HandoffRecord,
    Release,
)
from pyloto_corp.domain.records import SessionRecord

CREATED_SEQ = 1
RELEASED_SEQ = 99999  # the last event of a handoff, whoever ends it (one id: told once)


@dataclass(frozen=True, slots=True)
class TeamWrites:
    handoffs: tuple[HandoffRecord, ...] = ()
    events: tuple[HandoffEvent, ...] = ()
    releases: tuple[Release, ...] = ()


def ids_of(session: SessionRecord) -> tuple[str, ...]:
    return handoff_ids(session.session_id, len(session.context.get("handoffs") or ()))


def event(
    handoff_id: str, user_key: str, seq: int, kind: EventKind, now: datetime,
    *, data: dict[str, object] | None = None,
) -> HandoffEvent:  # fmt: skip
    return HandoffEvent(handoff_id, seq, kind, user_key, now, now, data=data or {})


def released(session: SessionRecord, reason: str, now: datetime) -> TeamWrites:
    """Every handoff of the session ends (the person is back with the bot)."""
    return released_ids(ids_of(session), session.user_key, reason, now)


def released_ids(ids: tuple[str, ...], user_key: str, reason: str, now: datetime) -> TeamWrites:
    events = tuple(event(i, user_key, RELEASED_SEQ, EventKind.RELEASED, now,
                         data={"reason": reason})
                   for i in ids)  # fmt: skip
    return TeamWrites(events=events, releases=tuple(Release(i, now, reason) for i in ids))


def handed_over(
    closed: Sequence[SessionRecord], now: datetime, takeover: timedelta
) -> tuple[list[HandoffRecord], list[HandoffEvent]]:
    """A record and its ``handoff.created`` for each handoff of the sessions closed now
    (by the person's message, a timeout found on it, or the sweep)."""
    records, events = [], []
    for session in closed:
        handoffs = session.context.get("handoffs") or ()
        since = session.closed_at or now
        for handoff_id, handoff in zip(ids_of(session), handoffs, strict=True):
            lead = {k: v for k, v in handoff.items() if k != "confidence"}
            user, routing = session.user_key, handoff["routing"]
            until = takeover_end(session.context, since, takeover)  # after a booked call
            records.append(HandoffRecord(handoff_id, user, session.session_id, routing, since,
                                         until, lead))  # fmt: skip
            events.append(event(handoff_id, user, CREATED_SEQ, EventKind.CREATED, now))
    return records, events


def team_writes(
    closed: Sequence[SessionRecord], note: TeamNote | None, message: StoredMessage | None,
    now: datetime, takeover: timedelta,
) -> TeamWrites:  # fmt: skip
    """The handoffs of the sessions this turn closed and, during a takeover, the message
    forwarded (and the release when it ends the takeover)."""
    records, events = handed_over(closed, now, takeover)
    writes = TeamWrites()
    if note is not None and message is not None:
        data = {"message_id": message.provider_message_id, "kind": message.kind,
                "text": message.text}  # fmt: skip
        if note.escalated:
            data["human_requested"] = True
        if note.pressed:
            data["pressed"] = True
        if note.told:  # "ah, meu nome é Everton": what the lead gains, said after the handoff
            data["lead_update"] = dict(note.told)
        events += [event(i, note.session.user_key, note.seq, EventKind.MESSAGE, now, data=data)
                   for i in ids_of(note.session)]  # fmt: skip
        if note.release is not None:
            writes = released(note.session, note.release, now)
    return TeamWrites(tuple(records), (*events, *writes.events), writes.releases)
