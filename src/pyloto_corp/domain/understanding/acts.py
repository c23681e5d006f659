"""What a message does in the conversation: its dialogue acts, read once per turn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Act(StrEnum):
    ANSWER = "ANSWER"
    AFFIRM = "AFFIRM"
    DENY = "DENY"
    CORRECTION = "CORRECTION"
    MENU_CHOICE = "MENU_CHOICE"
    SIDE_QUESTION = "SIDE_QUESTION"
    TOPIC_CHANGE = "TOPIC_CHANGE"
    HUMAN_REQUEST = "HUMAN_REQUEST"
    SUPPORT_ISSUE = "SUPPORT_ISSUE"
    FOLLOWUP_REQUEST = "FOLLOWUP_REQUEST"
    OPT_OUT = "OPT_OUT"
    THANKS_GOODBYE = "THANKS_GOODBYE"
    SMALL_TALK = "SMALL_TALK"
    GREETING = "GREETING"
    ABUSE = "ABUSE"
    OTHER_LANGUAGE = "OTHER_LANGUAGE"
    NON_ANSWER = "NON_ANSWER"


class Pending(StrEnum):
    """The question the bot asked last, which the message may answer."""

    SLOT = "slot"
    CONFIRM = "confirm"
    ANYTHING_ELSE = "anything_else"
    MENU = "menu"
    FOLLOWUP_TIME = "followup_time"
    NONE = "none"


YES_NO = (Pending.CONFIRM, Pending.ANYTHING_ELSE)


@dataclass(frozen=True, slots=True)
class ReadingContext:
    """What the bot asked last: the state, the pending question, the options shown."""

    state: str = "new"
    pending: Pending = Pending.NONE
    intent: str | None = None
    slot: str | None = None
    slot_kind: str | None = None
    options: tuple[tuple[str, str], ...] = ()  # (id, title) of the last buttons or list
    slots: Mapping[str, Any] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)  # the need's slots, at the summary
    now: datetime | None = None  # the message's local time: "amanhã", "até março" need it

    @property
    def today(self) -> date | None:
        return self.now.date() if self.now is not None else None


@dataclass(frozen=True, slots=True)
class TurnReading:
    """One message, read once: acts, values found anywhere, and what the acts point at.

    ``answer`` is the pending slot's value when the message answers it; ``values`` holds
    every slot value the message carries (for the active need and the lead profile).
    """

    acts: frozenset[Act]
    values: Mapping[str, Any] = field(default_factory=dict, repr=False)
    answer: Any = field(default=None, repr=False)
    topic: str | None = None  # SIDE_QUESTION
    topics: tuple[str, ...] = field(default=(), repr=False)  # every one asked, ``topic`` first
    intent: str | None = None  # TOPIC_CHANGE or MENU_CHOICE
    negates: bool = False  # TOPIC_CHANGE that drops the current need
    choice: str | None = None  # MENU_CHOICE: the option id
    when: str | None = field(default=None, repr=False)  # FOLLOWUP_REQUEST
    when_window: str | None = field(default=None, repr=False)  # "AAAA-MM-DDTHH:MM/HH:MM"
    language: str | None = None  # OTHER_LANGUAGE
    confidence: float = 0.0  # the intent classifier's, for the need named
    words: tuple[str, ...] = field(default=(), repr=False)
    entities: Any = field(default=None, repr=False)  # language.entities.Entities
    promotion: bool = False  # ABUSE that is a promotional blast (spam), not an insult
    needs: tuple[str, ...] = ()  # the intent classifier's reading: the main need, then others
    question: bool = False  # the message asks something ("e o site?"): it teaches no values
    withdraws: bool = False  # "pensando bem, deixa, não quero mais": the current need is dropped
    fixes: Mapping[str, Any] = field(default_factory=dict, repr=False)  # field named → value

    def has(self, *acts: Act) -> bool:
        return any(a in self.acts for a in acts)

    @property
    def only_chatter(self) -> bool:
        """Courtesy, laughter, emoji, "ok": nothing the conversation must act on."""
        chatter = {Act.THANKS_GOODBYE, Act.SMALL_TALK, Act.GREETING, Act.NON_ANSWER}
        return bool(self.acts) and self.acts <= chatter
