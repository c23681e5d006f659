"""A budget said as a range keeps both ends: "entre 15 e 25 mil" is R$ 25.000 (the field,
as qualification reads it) from R$ 15.000 (``budget_min``, shown and handed over)."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.language.budgets import budget, budget_floor
from pyloto_corp.domain.records import SessionRecord

FLOOR = "budget_min"


def ranged(session: SessionRecord, changes: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The slots changed by a turn, with the budget's lower end when this message set the
    budget as a range (and without an old one when the budget changed otherwise)."""
    slots = changes.get("slots")
    if slots is None or slots.get("budget") == session.slots.get("budget"):
        return changes
    kept = {k: v for k, v in slots.items() if k != FLOOR}
    top, said = kept.get("budget"), text or ""
    floor = budget_floor(said, answer=True) if isinstance(top, int) else None
    if floor is not None and floor < top and budget(said, answer=True) == top:  # type: ignore[operator]
        kept[FLOOR] = floor
    return {**changes, "slots": kept}
