"""Reading a turn in a test: the context of a pending field, and the acts as plain names."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext

NONE = ReadingContext()


def asked(slot: str, intent: str = "CUSTOM_SOFTWARE", kind: str = "text") -> ReadingContext:
    """The bot is waiting for ``slot`` of ``intent``."""
    return ReadingContext(state="collecting", pending=Pending.SLOT, intent=intent, slot=slot,
                          slot_kind=kind)  # fmt: skip


def acts(text: str, context: ReadingContext = NONE) -> set[str]:
    return {a.value for a in bundled_reader().read(text, context).acts}
