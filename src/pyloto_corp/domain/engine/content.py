"""Everything the bot says, offers and links to: a versioned pt-BR document, validated at start."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.intents import CRITICAL_FIELDS, Intent
from pyloto_corp.domain.language.normalize import tokens

SLOT_KINDS = frozenset(
    {"text", "name", "city", "count", "volume", "deadline", "vehicle", "availability",
     "channels", "business", "budget", "company"}
)  # fmt: skip
MENU_TITLE_MAX, MENU_DESCRIPTION_MAX, MENU_ROWS_MAX = 24, 72, 10
BUTTON_TITLE_MAX = 20
BUTTON_TEXTS = ("confirm_yes", "confirm_no", "anything_else_yes", "anything_else_no",
                "menu_button", "correct_button")  # fmt: skip
REQUIRED_TEXTS = ("greeting", "menu_body", "menu_button", "menu_again", "unsupported",
    "unsupported_final", "handoff", "handoff_requested", "handoff_policy", "media_ack",
    "location_ack", "apology", "confirm", "confirm_yes", "confirm_no", "correct_which",
    "correct_button", "noted_other", "reask", "skip_slot", "followup_ask", "courier_for_other",
    "we_do_other", "said_again", "followup_done", "anything_else", "anything_else_yes",
    "anything_else_no", "goodbye", "away_ok", "route_reminder", "next_intent", "low_qualification",
    "limit_reached", "side_price", "side_where", "side_hours", "side_cnpj", "side_jobs",
    "side_robot", "side_how_it_works", "reask_after_side", "confirm_again", "menu_nudge",
    "courtesy", "hold_ack", "support_handoff", "support_handoff_courier", "other_language_en",
    "other_language_es", "media_callback", "support_handoff_told", "support_handoff_team_told",
    "takeover_resolved", "switched", "followup_default", "handoff_pending", "support_pending",
    "human_pending", "followup_noted", "followup_pending", "followup_monday", "ask_fix",
    "withdrawn", "handoff_pending_after_hours", "handoff_pending_thanks_after_hours", "pressed",
    "pressed_support", "pressed_after_hours", "pressed_delivery_today", "impersonation_handoff",
    "pressed_question", "side_this_service", "pressed_support_after_hours", "note_taken",
    "note_taken_waiting", "after_hours_window", "side_reading", "call_noted_waiting", "vent_ask",
    "side_address", "delivery_link_es", "delivery_link_en", "route_price", "number_asked",
    "support_handoff_team", "profile_noted", "idle_filled", "takeover_thanks", "greeting_well",
    "how_reply", "apology_ok", "greeting_back", "greeting_calm", "audio_ack", "fragment_ack",
    "summary_check", "side_phone", "not_bank", "why_asked", "price_objection",
    "delivery_outside", "clarify_asked", "why_beside",
    "side_other_too")  # fmt: skip
VOCABULARIES = ("opt_out", "human", "followup", "yes", "no", "switch", "dont_know", "hold",
    "pointed_back", "lost", "audio", "refund", "courier", "not_now", "unpaid", "process",
    "foreign_business", "pressing", "impersonation", "contact_or_money", "we_do", "past_order",
    "note_this", "reading_check", "vent", "address", "my_number", "how_are_you", "payment", "away",
    "resolved", "bank", "why", "ask_team", "too_dear", "cut_short", "clarify")  # fmt: skip


class ContentError(DomainError):
    """The content document is incomplete or breaks a WhatsApp limit; names the place."""


@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    kind: str
    label: str
    ask: str
    hint: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class IntentContent:
    label: str
    team: str
    routing: str
    explain: str
    info_link: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class MenuOption:
    intent: Intent
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Content:
    version: str
    texts: Mapping[str, str]
    business_hours: str
    links: Mapping[str, str]
    menu: tuple[MenuOption, ...]
    intents: Mapping[Intent, IntentContent]
    vocabulary: Mapping[str, frozenset[tuple[str, ...]]]
    # Other wordings of a message (by its template), so the bot never repeats itself.
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    served_cities: tuple[str, ...] = ()  # where Pyloto Entrega runs
    # Entries by their first word: a message is scanned once, not once per entry.
    _starts: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for name, entries in self.vocabulary.items():
            index = starts.setdefault(name, {})
            for entry in entries:
                if entry:
                    index.setdefault(entry[0], []).append(entry)
        frozen = {n: {w: tuple(e) for w, e in i.items()} for n, i in starts.items()}
        object.__setattr__(self, "_starts", frozen)

    def text(self, key: str, **values: str) -> str:
        return self.texts[key].format(**values)

    def variant(self, key: str, of: str | None) -> str:
        """``key_of`` when the content file has it ("side_price_PYLOTO_ENTREGA_REQUEST")."""
        own = f"{key}_{of}"
        return own if of and own in self.texts else key

    def says(self, vocabulary: str, words: list[str], *, anywhere: bool = False) -> bool:
        """Whether the message is one of the entries, or contains one of its phrases
        (any entry, even one word, when ``anywhere``)."""
        entries = self.vocabulary[vocabulary]
        if tuple(words) in entries:
            return True
        shortest, starts = (1 if anywhere else 2), self._starts[vocabulary]
        return any(
            len(e) >= shortest and tuple(words[i : i + len(e)]) == e
            for i, word in enumerate(words)
            for e in starts.get(word, ())
        )

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Content:
        try:
            content = cls(
                version=str(doc["version"]),
                texts={k: str(v) for k, v in doc["texts"].items()},
                business_hours=str(doc["business_hours"]),
                links={k: str(v) for k, v in doc["links"].items()},
                menu=tuple(MenuOption(Intent(m["intent"]), m["title"], m["description"])
                           for m in doc["menu"]),
                intents={Intent(k): _intent(v) for k, v in doc["intents"].items()},
                vocabulary={k: frozenset(tuple(tokens(p)) for p in doc["vocabulary"][k])
                            for k in VOCABULARIES},
                variants={k: tuple(str(t) for t in v)
                          for k, v in doc.get("variants", {}).items()},
                served_cities=tuple(str(c) for c in doc.get("served_cities", ())),
            )  # fmt: skip
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ContentError(f"malformed content: {exc!r}") from exc
        _validate(content)
        return content


def _intent(doc: Mapping[str, Any]) -> IntentContent:
    slots = tuple(
        Slot(s["name"], s["kind"], s["label"], s["ask"], s["hint"], bool(s.get("optional")))
        for s in doc["slots"]
    )
    for slot in slots:
        if slot.kind not in SLOT_KINDS:
            raise ContentError(f"slot {slot.name!r} has unknown kind {slot.kind!r}")
    return IntentContent(
        doc["label"], doc["team"], doc["routing"], doc["explain"], doc["info_link"], slots
    )


def _validate(content: Content) -> None:
    missing = [k for k in REQUIRED_TEXTS if k not in content.texts]
    if missing or set(content.intents) != set(Intent):
        raise ContentError(f"missing texts {missing} or intents")
    if not 0 < len(content.menu) <= MENU_ROWS_MAX:
        raise ContentError("the menu needs 1 to 10 options")
    for option in content.menu:
        if len(option.title) > MENU_TITLE_MAX or len(option.description) > MENU_DESCRIPTION_MAX:
            raise ContentError(f"menu option {option.title!r} is over WhatsApp's limits")
    for intent, fields in CRITICAL_FIELDS.items():
        names = {s.name for s in content.intents[intent].slots if not s.optional}
        if names != set(fields):
            raise ContentError(f"{intent}: slots {sorted(names)} differ from {sorted(fields)}")
    for item in content.intents.values():
        if item.info_link not in content.links:
            raise ContentError(f"unknown link {item.info_link!r}")
        if any(len(s.label) > MENU_TITLE_MAX for s in item.slots):
            raise ContentError(f"a slot label of {item.label!r} is over 24 characters (list row)")
    wordings = [*content.texts.items(), *((k, t) for k, v in content.variants.items() for t in v)]
    for key, text in wordings:
        _check_placeholders(key, text)
    for key in BUTTON_TEXTS:
        if len(content.texts[key]) > BUTTON_TITLE_MAX:
            raise ContentError(f"text {key!r} is a button title: at most 20 characters")


_ALLOWED = {"persona", "team", "hours", "summary", "question", "hint", "when", "link", "label",
            "jobs", "site", "city", "cities", "day", "name", "missing"}  # fmt: skip


def _check_placeholders(key: str, text: str) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    if names - _ALLOWED:
        raise ContentError(f"text {key!r} uses unknown placeholders {sorted(names - _ALLOWED)}")
