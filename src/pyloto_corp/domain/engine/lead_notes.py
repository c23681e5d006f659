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


TOLD_WORDS = 6  # "queria ver esse robo de vcs pra marcar consulta": a sentence, not a slip


def told_beside(flow: Flow, found: bool, *, learnable: bool) -> bool:
    """Something said that is not the answer: a value for another field (``found``), or a
    whole sentence of one's own, kept for the team ("Anotei!" is then true)."""
    text = flow.turn.text or ""
    sentence = learnable and len(text.split()) >= TOLD_WORDS
    if sentence and not found:
        keep(flow, text)
    return learnable and (found or sentence)
