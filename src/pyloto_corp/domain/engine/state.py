"""Turns in, replies and effects out; a session closes exactly once."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pyloto_corp.domain.engine.policy import Decision
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.handoff import ConversationHandoff
from pyloto_corp.domain.intents import Outcome
from pyloto_corp.domain.records import SessionRecord


class TurnKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    MEDIA = "media"
    AUDIO = "audio"  # a voice message: the bot says it cannot listen, not "file received"
    LOCATION = "location"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Turn:
    """One inbound message as the engine sees it.

    ``at`` is when the service received it (the injected clock): inactivity, cooldowns and
    the spam window are measured on it, since Meta redelivers for days after an outage.
    ``sent_at`` is Meta's timestamp (when the person wrote); None means the same as ``at``.
    """

    message_id: str
    at: datetime
    kind: TurnKind
    text: str | None = field(default=None, repr=False)
    choice_id: str | None = None
    sent_at: datetime | None = None
    area_code: str | None = None  # the phone's DDD ("42"): a hint for the city, never stored

    @property
    def written_at(self) -> datetime:
        return self.sent_at or self.at


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    title: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot sends: plain text, reply buttons or a list (builders enforce Meta's limits)."""

    body: str = field(repr=False)
    options: tuple[Option, ...] = ()
    list_button: str | None = None
    decision: int | None = None  # the step's decision that allowed it

    @property
    def kind(self) -> str:
        if not self.options:
            return "text"
        return "list" if self.list_button else "buttons"

    def to_payload(self) -> dict[str, Any]:
        payload = {
            "kind": self.kind,
            "body": self.body,
            "options": [
                {"id": o.id, "title": o.title, "description": o.description} for o in self.options
            ],
            "list_button": self.list_button,
        }
        return payload if self.decision is None else {**payload, "decision": self.decision}


class SessionAlreadyClosed(DomainError):
    """A second outcome for one session: a bug, never a state."""


def close(session: SessionRecord, outcome: Outcome, at: datetime, reason: str) -> SessionRecord:
    if not session.is_open:
        raise SessionAlreadyClosed(f"session {session.session_id} already ended")
    context = {**session.context, "close_reason": reason}
    return dataclasses.replace(
        session, outcome=outcome.value, closed_at=at, state="closed", context=context
    )


@dataclass(frozen=True, slots=True)
class TeamNote:
    """The person's message goes to the team that has the conversation (human takeover).

    ``session``: the handed-off session (its handoffs are the ones told); ``seq``: the
    message's number among the takeover's events; ``release``: why the takeover ends now.
    """

    session: SessionRecord
    seq: int
    release: str | None = None
    escalated: bool = False  # the person asked for someone in charge in this message
    pressed: bool = False  # the person insisted ("alguém aí?? é pra hoje"): the bot answered
    told: Mapping[str, Any] = field(default_factory=dict)  # "meu nome é Everton": for the lead


@dataclass(slots=True)
class Step:
    """The result of one turn: the session after it, and every effect to persist or send."""

    session: SessionRecord
    replies: list[Reply] = field(default_factory=list)
    closed_before: SessionRecord | None = None
    handoff: ConversationHandoff | None = None  # the first of ``handoffs``
    handoffs: list[ConversationHandoff] = field(default_factory=list)  # one per team
    lead: dict[str, Any] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    team: TeamNote | None = None  # during a human takeover: the message goes to the team

    def say(self, *replies: Reply) -> Step:
        self.replies.extend(replies)
        return self
