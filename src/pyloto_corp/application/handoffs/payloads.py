"""The body a destination receives for each event (the schema in docs/handoff-event.schema.json).

``handoff.created`` carries what the team needs to act, including the contact (personal
data sent on purpose); later events name the handoff and carry what happened.
"""

from __future__ import annotations

from typing import Any

from pyloto_corp.application.handoffs.ports import Notice
from pyloto_corp.domain.handoff_events import EventKind

SCHEMA_VERSION = 1
LEAD_FIELDS = ("intent_primary", "intents_detected", "qualification_level",
               "qualification_reasons", "summary", "requirements", "deadline")  # fmt: skip


def event_body(notice: Notice) -> dict[str, Any]:
    event, handoff = notice.event, notice.handoff
    body: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "event": event.kind.value,
        "event_id": event.event_id,
        "handoff_id": handoff.handoff_id,
        "session_id": handoff.session_id,
        "user_key": handoff.user_key,
        "routing": handoff.routing,
        "occurred_at": event.created_at.isoformat(),
    }
    if event.kind is EventKind.CREATED:
        body |= {name: handoff.lead.get(name) for name in LEAD_FIELDS}
        body["takeover_until"] = handoff.takeover_until.isoformat()
        body["contact"] = notice.contact.to_dict()
        if notice.transcript:  # the conversation so far, for who reads the lead first
            body["transcript"] = [{"direction": line.direction, "text": line.text,
                                   "at": line.at.isoformat() if line.at else None}
                                  for line in notice.transcript]  # fmt: skip
    elif event.kind is EventKind.MESSAGE:
        body["message"] = {key: event.data.get(key) for key in ("message_id", "kind", "text")}
        if event.data.get("human_requested"):  # asked for someone in charge while waiting
            body["message"]["human_requested"] = True
        if event.data.get("lead_update"):  # "meu nome é Everton", said after the handoff
            body["lead_update"] = dict(event.data["lead_update"])
        body["contact"] = {"name": notice.contact.name, "phone": notice.contact.phone}
    else:
        body["reason"] = event.data.get("reason")
    return body
