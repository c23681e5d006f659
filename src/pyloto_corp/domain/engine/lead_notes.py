"""The notes that go with the lead: what the person said for the team beyond the fields."""

from __future__ import annotations

from pyloto_corp.domain.engine.flow import Flow

NOTES_MAX, NOTE_MAX_CHARS = 5, 300


def keep(flow: Flow, text: str) -> None:
    """One more note for the team ("põe aí que ainda não tenho CNH": what to note; "a cnh
    tá vencida, tem problema?": a question left for the team)."""
    said = " ".join(text.split())[:NOTE_MAX_CHARS]
    notes = list(flow.session.slots.get("notes") or [])
    if said and said not in notes and len(notes) < NOTES_MAX:
        flow.update(slots={**flow.session.slots, "notes": [*notes, said]})
