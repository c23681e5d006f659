"""The team's list of leads: handoffs by period, routing and status, with their delivery.

Without ``include_pii`` a row names the lead by ids, routing and qualification, and the
contact comes masked. With it, the contact, summary and requirements come in full, and
each person listed gets a LEAD_DISCLOSED event in their audit chain (like an export).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pyloto_corp.application.handoffs.context import contact_of
from pyloto_corp.application.handoffs.ports import Contact
from pyloto_corp.application.inbound.turn_records import audit_event
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction
from pyloto_corp.domain.handoff_events import HandoffRecord, LeadQuery

PUBLIC = ("intent_primary", "intents_detected", "qualification_level", "qualification_reasons",
          "deadline")  # fmt: skip
PRIVATE = ("summary", "requirements")


def takeover_state(record: HandoffRecord, now: datetime) -> str:
    if record.released_at is not None:
        return "released"
    return "open" if now < record.takeover_until else "expired"


def lead_row(record: HandoffRecord, contact: Contact, now: datetime, pii: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "handoff_id": record.handoff_id, "session_id": record.session_id,
        "user_key": record.user_key, "routing": record.routing,
        "created_at": record.created_at.isoformat(), "status": record.status.value,
        "takeover": takeover_state(record, now), "delivery": record.delivery.value,
        "takeover_until": record.takeover_until.isoformat(),
        "released_at": record.released_at.isoformat() if record.released_at else None,
        "release_reason": record.release_reason,
    }  # fmt: skip
    row |= {name: record.lead.get(name) for name in PUBLIC}
    if pii:
        row |= {name: record.lead.get(name) for name in PRIVATE}
    row["contact"] = (contact if pii else contact.masked()).to_dict()
    return row


@dataclass(frozen=True, slots=True)
class LeadsRequest:
    since: str = "7d"  # see ``parse_since``
    routing: str | None = None
    status: str | None = None  # open | released | failed
    limit: int = 200
    include_pii: bool = False
    actor: str = "ops"
    reason: str = "lista de leads"


class ListLeads:
    def __init__(self, storage: Storage, *, clock: Callable[[], datetime]) -> None:
        self._storage, self._clock = storage, clock
        self._audit = AuditTrail(storage.audit)

    async def list(self, request: LeadsRequest) -> list[dict[str, Any]]:
        """Raises ValueError when ``since`` is not understood."""
        now = self._clock()
        query = LeadQuery(since=parse_since(request.since, now), routing=request.routing,
                          status=request.status, limit=request.limit, now=now)  # fmt: skip
        records = await self._storage.handoffs.list(query)
        rows = []
        for record in records:
            contact = contact_of(await self._storage.leads.get(record.user_key))
            rows.append(lead_row(record, contact, now, request.include_pii))
        if request.include_pii:
            for user_key in dict.fromkeys(r.user_key for r in records):
                await self._audit.record(audit_event(
                    user_key, f"leads-{now.isoformat()}-{user_key[:8]}",
                    AuditAction.LEAD_DISCLOSED, request.reason, {"listed_by": request.actor},
                    now=now, actor=request.actor))  # fmt: skip
        return rows


SINCE_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_since(text: str, now: datetime) -> datetime:
    """``7d``, ``24h``, ``30m`` or an ISO date/time (UTC when no zone); ValueError otherwise."""
    value = text.strip().lower()
    unit = SINCE_UNITS.get(value[-1:]) if value[:-1].isdigit() else None
    if unit is not None:
        try:
            return now - timedelta(**{unit: int(value[:-1])})
        except OverflowError:
            raise ValueError("period too long") from None
    moment = datetime.fromisoformat(value.upper())
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
