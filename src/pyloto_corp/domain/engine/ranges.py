"""A budget said as a range keeps both ends: "entre 15 e 25 mil" is R$ 25.000 (the field,
as qualification reads it) from R$ 15.000 (``budget_min``, shown and handed over); a monthly
fee keeps its period ("uns 200 por mês": ``budget_period`` "mês")."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.language.budgets import budget, budget_floor
from pyloto_corp.domain.records import SessionRecord

FLOOR, PERIOD = "budget_min", "budget_period"
_MONTHLY = re.compile(r"(?:\bpor|\bao|\bp/|/)\s*m[eê]s\b|\bmensa(?:l|is|lidade)\b",
                      re.IGNORECASE)  # fmt: skip


def ranged(session: SessionRecord, changes: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The slots changed by a turn, with the budget's lower end when this message set the
    budget as a range (and without an old one when the budget changed otherwise)."""
    slots, said = changes.get("slots"), text or ""
    if slots is None:
        return changes
    if slots.get("budget") == session.slots.get("budget"):  # "os dois mil é por mês"
        top = slots.get("budget")
        monthly = (
            isinstance(top, int) and budget(said, answer=True) == top and _MONTHLY.search(said)
        )
        return {**changes, "slots": {**slots, PERIOD: "mês"}} if monthly else changes
    kept = {k: v for k, v in slots.items() if k not in (FLOOR, PERIOD)}
    top = kept.get("budget")
    if not isinstance(top, int) or budget(said, answer=True) != top:
        return {**changes, "slots": kept}  # set otherwise: a single figure, no period known
    floor = budget_floor(said, answer=True)
    if floor is not None and floor < top:
        kept[FLOOR] = floor
    if _MONTHLY.search(said):
        kept[PERIOD] = "mês"
    return {**changes, "slots": kept}
