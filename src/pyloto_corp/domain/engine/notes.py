"""What the person asks to be noted for the team ("anota aí o número do escritório 42
3227-1234, fala com o Marcos", "põe aí que ainda não tenho CNH"): kept word for word with the
lead (``requirements.notes``, "• Observações" in the summary the person confirms), and said
so, in any state."""

from __future__ import annotations

import re

from pyloto_corp.domain.engine import form
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.lead_notes import keep
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.understanding.acts import Act, TurnReading
from pyloto_corp.domain.understanding.fields import SLOT_FIELD, found_fields

DOING = (Act.ANSWER, Act.CORRECTION, Act.TOPIC_CHANGE, Act.MENU_CHOICE, Act.AFFIRM, Act.DENY,
         Act.FOLLOWUP_REQUEST)  # fmt: skip
_LEAD = re.compile(
    r"^(?:(?:ah|e|ah e|a|ó|o)\s*,?\s+)?(?:anot[ae]|p[oõ]e|coloca|bota|registra)"
    r"(?:\s+(?:a[ií]|isso))?(?:\s+(?:que|q))?[\s,:]*",
    re.IGNORECASE,
)
LEADS = ("collecting", "confirming", "correcting")  # a lead the notes go with
FIX_WORDS, FIX_CUES = 5, frozenset(("nao", "errado", "errada", "corrige", "corrigir", "verdade"))


def asked(content, reading: TurnReading | None) -> bool:
    """ "anota aí", "põe aí que", "registra aí": something to note for the team."""
    return reading is not None and content.says("note_this", list(reading.words), anywhere=True)


def handled(flow: Flow, reading: TurnReading, dialogue) -> bool:
    """Noted; True when the message only asked that (the pending question comes back)."""
    if flow.session.state not in LEADS or not asked(flow.content, reading) or reading.fixes or (
            _gives_values(flow, reading)):  # fmt: skip
        return False  # "coloca aí: cerca de 200 por semana" at the summary fixes a field
    keep(flow, _LEAD.sub("", flow.turn.text or "") or (flow.turn.text or ""))
    if reading.has(*DOING):
        return False  # "põe aí que posso à tarde, e que ainda não tenho CNH": also a fix
    flow.say("note_taken")
    if flow.session.state == "collecting":
        form.ask_again(flow)
    else:
        dialogue.confirm(flow)
    return True


def _gives_values(flow: Flow, reading: TurnReading) -> bool:
    """The message carries a value of this need's form (a fix or an answer, not a note)."""
    active = flow.session.active_intent
    if active not in Intent.__members__:
        return False
    said = found_fields(reading)
    return any(SLOT_FIELD.get(s.name, s.name) in said for s in flow.content.intents[
        Intent(active)].slots)  # fmt: skip


def unread_fix(flow: Flow, reading: TurnReading, dialogue) -> bool:
    """At the summary, a correction whose new value cannot be read ("integral não, de semana
    só das 14 às 20, fds o dia todo"): kept word for word for the team, in the summary the
    person confirms, instead of asking the same question again."""
    words = set(reading.words)
    told = reading.has(Act.NON_ANSWER) and len(words) >= FIX_WORDS and bool(words & FIX_CUES)
    if flow.session.state != "confirming" or reading.question or not (
            reading.has(Act.CORRECTION) or told):  # fmt: skip
        return False
    keep(flow, flow.turn.text or "")
    flow.say("note_taken")
    dialogue.confirm(flow)
    return True
