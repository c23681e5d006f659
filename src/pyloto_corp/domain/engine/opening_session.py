"""A new session after another: what it remembers of the last one.

A new session right after another remembers the person's recent messages (flood and
repetition are counted per person), what the bot said (no repeats) and, the same day, who
the person is and an open complaint. A form cut by an outburst: the insult closes that
session (DUPLICATE_OR_SPAM, no reply, SPEC §3); a calmer message soon after ("foi mal, to
estressado. uns 8 mil") opens the next session where the form stopped, once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.intents import Outcome
from pyloto_corp.domain.records import SessionRecord

CARRIED = ("recent", "said", "support_case")
KNOWN = ("profile", "business_kind")  # the city, company and name said the same day
SUPPORT_MEMORY = timedelta(hours=24)  # an open complaint is remembered for a day
RESUME_WINDOW = timedelta(minutes=30)
KEPT = ("pending_slot", "detected", "confidence", "profile", "business_kind", "role")


def resumable(last: SessionRecord | None, at: datetime) -> bool:
    """The last session was a form in progress closed by an insult, a moment ago."""
    return (
        last is not None
        and last.closed_at is not None
        and last.outcome == Outcome.DUPLICATE_OR_SPAM.value
        and last.context.get("close_reason") == "abuse"
        and bool(last.context.get("pending_slot"))
        and not last.context.get("resumed")  # a second outburst ends it for good
        and at - last.closed_at < RESUME_WINDOW
    )


def opened(
    session_id: str, user_key: str, at: datetime, carried: dict[str, Any],
    last: SessionRecord | None,
) -> SessionRecord:  # fmt: skip
    """The new session: fresh, or the interrupted form again when it can be resumed."""
    if last is None or not resumable(last, at):
        return SessionRecord(session_id, user_key, at, at, context=carried)
    kept = {k: last.context[k] for k in KEPT if k in last.context}
    return SessionRecord(session_id, user_key, at, at, state="collecting",
                         active_intent=last.active_intent, slots=dict(last.slots),
                         context={**carried, **kept, "resumed": True, "reasks": 0})  # fmt: skip


def new_session(
    session_id: str, user_key: str, at: datetime, last: SessionRecord | None,
    config: EngineConfig,
) -> SessionRecord:  # fmt: skip
    carried: dict = {}
    since = at - last.closed_at if last is not None and last.closed_at else timedelta.max
    if last is not None and since < config.session_timeout:
        carried = {k: last.context[k] for k in CARRIED if k in last.context}
    if last is not None and since < SUPPORT_MEMORY:
        carried.update({k: True for k in ("support_case",) if last.context.get(k)})
        carried.update({k: last.context[k] for k in KNOWN if k in last.context})
    if last is not None:
        carried["returning"] = True  # greeted as someone known, not introduced again
    if last is not None and last.context.get("close_reason") == "abuse":
        carried["after_outburst"] = True  # greeted calmly, not with "Oi de novo! 🙂"
    if last is not None and last.outcome == Outcome.ROUTE_EXTERNAL and (
            since < config.route_cooldown):  # fmt: skip
        carried["routed"] = last.active_intent  # the link just given: "não sei mexer nisso"
        carried["led_from"] = last.opened_at.isoformat()  # the team sees what came before
    return opened(session_id, user_key, at, carried, last)  # after an outburst
