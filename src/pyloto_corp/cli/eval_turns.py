"""``pyloto-corp eval-turns FILE``: how the turn reader does on an annotated corpus (JSON)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from pyloto_corp.adapters.language.resources import bundled_reader, read_json
from pyloto_corp.cli.corpora import EXIT_BAD_INPUT, load, publish
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.reading import button_options, local_time, menu_options
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.evaluation import Example, evaluate, render

_STATES = {"menu": "menu", "confirm": "confirming", "anything_else": "info_given"}
# When a turn was sent, as the engine always knows it ("até o fim do ano" needs a today):
# the corpus' "at", else the same moment as the slots corpus (corpus/slots/README.md).
SENT_AT = datetime.fromisoformat("2026-12-04T10:00:00-03:00")


def context_of(doc: dict[str, Any], content: Content, at: str | None = None) -> ReadingContext:
    """The corpus' context (titles of the options shown) as the engine would build it."""
    pending_doc = str(doc.get("pending") or "none")
    pending = Pending(pending_doc.split(":", 1)[0])
    intent, slot = doc.get("intent"), pending_doc.partition(":")[2] or None
    slots = content.intents[Intent(intent)].slots if intent else ()
    known = {s.name: s for s in slots}
    filled = {s.name: "—" for s in slots[: [s.name for s in slots].index(slot)]} if (
        slot in known) else {s.name: "—" for s in slots}  # fmt: skip
    shown = menu_options(content) + button_options(content, _STATES.get(pending_doc, ""))
    by_title = {title.casefold(): i for i, title in shown}
    options = tuple((by_title.get(t.casefold(), t), t) for t in doc.get("options") or ())
    return ReadingContext(
        state=str(doc.get("state") or "new"), pending=pending, intent=intent,
        slot=slot, slot_kind=known[slot].kind if slot in known else None,
        options=options, slots=filled if pending in (Pending.SLOT, Pending.CONFIRM) else {},
        now=local_time(datetime.fromisoformat(at) if at else SENT_AT),
    )  # fmt: skip


def example_of(doc: dict[str, Any], content: Content) -> Example:
    acts = frozenset(Act(a) for a in doc["acts"])
    return Example(str(doc["text"]), context_of(doc["context"], content, doc.get("at")), acts)


def eval_turns(path: str, out: TextIO, err: TextIO, *, table: bool = False) -> int:
    content = Content.from_dict(read_json("content/pt_br.json"))
    try:
        examples = load(path, lambda doc, _number: example_of(doc, content))
    except (OSError, ValueError) as exc:
        err.write(f"pyloto-corp eval-turns: {exc}\n")
        return EXIT_BAD_INPUT
    return publish(evaluate(bundled_reader(), examples), path, out, render if table else None)
