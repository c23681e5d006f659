"""What the bot asked last, as the turn reader needs it (built from the session)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext, TurnReading

CONFIRM_YES, CONFIRM_NO = "confirm_yes", "confirm_no"
MORE_YES, MORE_NO = "more_yes", "more_no"
FIX_PREFIX = "fix:"
# America/Sao_Paulo: UTC-3 all year since daylight saving time ended in Brazil (2019).
LOCAL_TIME = timezone(timedelta(hours=-3), "America/Sao_Paulo")
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


def local_time(at: datetime) -> datetime:
    return at.astimezone(LOCAL_TIME)


def reading_context(
    content: Content, session: SessionRecord | None, at: datetime | None = None
) -> ReadingContext:
    """``at``: when the message was sent (deadlines and call-back times are read from it)."""
    now = local_time(at) if at is not None else None
    if session is None or not session.is_open:  # the menu, as sent in an earlier session
        state = "closed" if session else "new"
        return ReadingContext(state=state, options=menu_options(content), now=now)
    state, slot = session.state, session.context.get("pending_slot")
    pending = Pending.SLOT if state == "collecting" and slot else _PENDING.get(state, Pending.NONE)
    intent = session.active_intent
    item = content.intents.get(Intent(intent)) if intent in Intent.__members__ else None
    kinds = {s.name: s.kind for s in item.slots} if item is not None else {}
    kind = kinds.get(slot) if pending is Pending.SLOT else None
    return ReadingContext(
        state=state, pending=pending, intent=intent,
        slot=slot if pending is Pending.SLOT else None, slot_kind=kind,
        options=button_options(content, state), slots=dict(session.slots), now=now,
        kinds=kinds if state in ("confirming", "correcting") else {},
    )  # fmt: skip


def read_choice(choice_id: str, context: ReadingContext) -> TurnReading:
    """A tap on a button or list row. One from an older message is read as what it names:
    a need becomes a topic change mid-form; a stale yes/no answers nothing."""
    current = {i for i, _ in context.options}
    if choice_id.startswith(FIX_PREFIX):
        return TurnReading(frozenset({Act.CORRECTION, Act.MENU_CHOICE}), choice=choice_id)
    if choice_id in Intent.__members__:
        if choice_id in current or context.pending in (Pending.NONE, Pending.ANYTHING_ELSE):
            return TurnReading(frozenset({Act.MENU_CHOICE}), choice=choice_id, intent=choice_id,
                               confidence=1.0)  # fmt: skip
        same = choice_id == context.intent
        act = Act.NON_ANSWER if same else Act.TOPIC_CHANGE
        return TurnReading(frozenset({act}), intent=choice_id, confidence=1.0)
    if choice_id not in current:
        return TurnReading(frozenset({Act.NON_ANSWER}), choice=choice_id)
    answer = Act.AFFIRM if choice_id in (CONFIRM_YES, MORE_YES) else Act.DENY
    return TurnReading(frozenset({Act.MENU_CHOICE, answer}), choice=choice_id)


FRAGMENT_WAIT = timedelta(minutes=3)  # "queria saber" / "sobre o chatbot": one message in two


def joined(session: SessionRecord | None, text: str, at: datetime) -> str:
    """The text, after the piece the person sent just before it, when one is waiting."""
    context = session.context if session is not None else {}
    start, said_at = context.get("opening_fragment"), context.get("fragment_at")
    if not start or not said_at or at - datetime.fromisoformat(str(said_at)) > FRAGMENT_WAIT:
        return text
    return f"{start} {text}"
