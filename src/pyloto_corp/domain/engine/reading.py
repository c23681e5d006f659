"""What the bot asked last, as the turn reader needs it (built from the session)."""

from __future__ import annotations

from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext

CONFIRM_YES, CONFIRM_NO = "confirm_yes", "confirm_no"
MORE_YES, MORE_NO = "more_yes", "more_no"
_PENDING = {
    "menu": Pending.MENU, "confirming": Pending.CONFIRM, "correcting": Pending.NONE,
    "info_given": Pending.ANYTHING_ELSE, "followup_time": Pending.FOLLOWUP_TIME,
}  # fmt: skip
_TITLES = {CONFIRM_YES: "confirm_yes", CONFIRM_NO: "confirm_no", MORE_YES: "anything_else_yes",
           MORE_NO: "anything_else_no"}  # fmt: skip


def menu_options(content: Content) -> tuple[tuple[str, str], ...]:
    return tuple((o.intent.value, o.title) for o in content.menu)


def button_options(content: Content, state: str) -> tuple[tuple[str, str], ...]:
    """The buttons the bot's last message showed in this state."""
    if state == "menu":
        return menu_options(content)
    ids = {"confirming": (CONFIRM_YES, CONFIRM_NO), "info_given": (MORE_YES, MORE_NO)}
    return tuple(
        (i, content.text(i.replace("more_", "anything_else_"))) for i in ids.get(state, ())
    )


def reading_context(content: Content, session: SessionRecord | None) -> ReadingContext:
    if session is None or not session.is_open:
        return ReadingContext(state="closed" if session else "new")
    state, slot = session.state, session.context.get("pending_slot")
    pending = Pending.SLOT if state == "collecting" and slot else _PENDING.get(state, Pending.NONE)
    intent = session.active_intent
    kind = None
    if pending is Pending.SLOT and intent:
        kinds = {s.name: s.kind for s in content.intents[Intent(intent)].slots}
        kind = kinds.get(slot)
    return ReadingContext(
        state=state, pending=pending, intent=intent,
        slot=slot if pending is Pending.SLOT else None, slot_kind=kind,
        options=button_options(content, state), slots=dict(session.slots),
    )  # fmt: skip
