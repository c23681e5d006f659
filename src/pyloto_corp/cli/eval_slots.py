"""``pyloto-corp eval-slots FILE``: how the values of a lead are read on an annotated corpus.

Each line is read as the running service reads it: an answer to the bot's question for that
field (the slot of a need that asks it), or a free message (``anywhere``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from pyloto_corp.adapters.language.resources import bundled_reader, read_json
from pyloto_corp.cli.corpora import EXIT_BAD_INPUT, load, publish
from pyloto_corp.cli.eval_turns import SENT_AT  # corpus/slots/README.md
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.reading import local_time
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.budgets import budget
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from pyloto_corp.domain.understanding.fields import FIELDS, SLOT_FIELD, answered, found_fields
from pyloto_corp.domain.understanding.reader import TurnReader
from pyloto_corp.domain.understanding.slot_evaluation import (
    ANYWHERE,
    SlotExample,
    evaluate_slots,
    render_slots,
)

UNKNOWN = "unknown"
# The need whose form asks for a field, when the line does not name one.
ASKING = {"name": "PYLOTO_ENTREGA_DRIVER_SIGNUP", "city": "PYLOTO_ENTREGA_DRIVER_SIGNUP",
          "vehicle": "PYLOTO_ENTREGA_DRIVER_SIGNUP", "availability": "PYLOTO_ENTREGA_DRIVER_SIGNUP",
          "company": "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "business_type": "SAAS_COMMUNICATION",
          "volume": "SAAS_COMMUNICATION", "channels": "SAAS_COMMUNICATION",
          "user_count": "CUSTOM_SOFTWARE", "deadline": "CUSTOM_SOFTWARE",
          "budget": "CUSTOM_SOFTWARE"}  # fmt: skip


def _slot(content: Content, field: str, intent: str | None) -> tuple[str, Any] | None:
    """(need, slot) asking for ``field``: in the line's need when it has one."""
    for need in (intent, ASKING.get(field)):
        if need is None or need not in Intent.__members__:
            continue
        slot = next((s for s in content.intents[Intent(need)].slots
                     if SLOT_FIELD.get(s.name) == field), None)  # fmt: skip
        if slot is not None:
            return need, slot
    return None


def reader_for(reader: TurnReader, content: Content):
    def read(example: SlotExample) -> dict[str, Any]:
        now = local_time(datetime.fromisoformat(example.at) if example.at else SENT_AT)
        asked = _slot(content, example.field, example.intent)
        if example.field == "followup":
            context = ReadingContext(state="followup_time", pending=Pending.FOLLOWUP_TIME,
                                     now=now)  # fmt: skip
            return {"followup": reader.read(example.text, context).when_window}
        if example.field == ANYWHERE or asked is None:
            return found_fields(reader.read(example.text, ReadingContext(now=now)))
        need, slot = asked
        context = ReadingContext(state="collecting", pending=Pending.SLOT, intent=need,
                                 slot=slot.name, slot_kind=slot.kind, now=now)  # fmt: skip
        got = answered(reader.read(example.text, context))
        if got is None and slot.kind == "budget" and budget(example.text, answer=True) == UNKNOWN:
            got = UNKNOWN  # "prefiro não dizer": recorded as unknown, as the form does
        return {example.field: got}

    return read


def example_of(doc: dict[str, Any], number: int) -> SlotExample:
    field = str(doc["slot"])
    if field not in (*FIELDS, ANYWHERE):
        raise ValueError(f"unknown field {field!r}")
    return SlotExample(str(doc.get("id", number)), field, str(doc["text"]), doc["expected"],
                       doc.get("intent"), doc.get("at"))  # fmt: skip


def eval_slots(path: str, out: TextIO, err: TextIO, *, table: bool = False) -> int:
    content = Content.from_dict(read_json("content/pt_br.json"))
    try:
        examples = load(path, example_of)
    except (OSError, ValueError) as exc:
        err.write(f"pyloto-corp eval-slots: {exc}\n")
        return EXIT_BAD_INPUT
    report = evaluate_slots(reader_for(bundled_reader(), content), examples, FIELDS)
    return publish(report, path, out, render_slots if table else None)
