"""HandoffStore on SQLite (tables ``handoffs`` and ``handoff_events``)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from typing import Any

from pyloto_corp.adapters.storage.handoff_codec import (
    event_doc,
    event_from,
    record_doc,
    record_from,
    released_fields,
)
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, iso, loads
from pyloto_corp.application.inbound.turns import TurnWrites
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    HandoffEvent,
    HandoffRecord,
    LeadQuery,
    again,
    delivery_after,
)

_EVENT = "SELECT doc FROM handoff_events WHERE event_id = ?"
_RECORD = "SELECT doc FROM handoffs WHERE handoff_id = ?"
_FAILED = ("SELECT doc FROM handoff_events WHERE handoff_id = ? AND status = 'failed' "
           "ORDER BY event_id")  # fmt: skip
_PUT_EVENT = ("INSERT OR REPLACE INTO handoff_events (event_id, handoff_id, user_key, status, "
              "due_at, doc) VALUES (?, ?, ?, ?, ?, ?)")  # fmt: skip


class AlreadyCreated(Exception):
    """A handoff or event of this turn exists already: the turn was applied (rolled back)."""


def _put_event(tx: sqlite3.Connection, event: HandoffEvent, *, create: bool = False) -> None:
    sql = _PUT_EVENT.replace(" OR REPLACE", "") if create else _PUT_EVENT
    try:
        tx.execute(sql, (event.event_id, event.handoff_id, event.user_key, event.status.value,
                         iso(event.due_at), dumps(event_doc(event))))  # fmt: skip
    except sqlite3.IntegrityError:
        raise AlreadyCreated from None


def _merge_record(tx: sqlite3.Connection, handoff_id: str, fields: dict[str, Any]) -> None:
    row = tx.execute(_RECORD, (handoff_id,)).fetchone()
    if row is not None:
        doc = loads(row[0]) | fields
        tx.execute("UPDATE handoffs SET doc = ? WHERE handoff_id = ?", (dumps(doc), handoff_id))


def write_handoffs(tx: sqlite3.Connection, writes: TurnWrites) -> None:
    """The turn's handoffs, events and releases (inside the turn's transaction)."""
    for record in writes.handoffs:
        row = (record.handoff_id, record.user_key, record.routing, iso(record.created_at),
               dumps(record_doc(record)))  # fmt: skip
        try:
            tx.execute("INSERT INTO handoffs (handoff_id, user_key, routing, created_at, doc) "
                       "VALUES (?, ?, ?, ?, ?)", row)  # fmt: skip
        except sqlite3.IntegrityError:
            raise AlreadyCreated from None
    for event in writes.events:
        _put_event(tx, event, create=True)
    for release in writes.releases:
        _merge_record(tx, release.handoff_id, released_fields(iso(release.at), release.reason))


class SqliteHandoffStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def get(self, handoff_id: str) -> HandoffRecord | None:
        rows = self._db.query(_RECORD, (handoff_id,))
        return record_from(loads(rows[0][0])) if rows else None

    async def list(self, query: LeadQuery) -> list[HandoffRecord]:
        since = iso(query.since) if query.since is not None else ""
        sql = "SELECT doc FROM handoffs WHERE created_at >= ?"
        params: tuple[Any, ...] = (since,)
        if query.routing:
            sql, params = sql + " AND routing = ?", (*params, query.routing)
        rows = self._db.query(sql + " ORDER BY created_at DESC, handoff_id", params)
        records = [record_from(loads(r[0])) for r in rows]
        return [r for r in records if query.admits(r)][: query.limit]

    async def expired(self, now: datetime, limit: int = 100) -> list[HandoffRecord]:
        rows = self._db.query("SELECT doc FROM handoffs WHERE json_extract(doc, '$.status') = "
                              "'open' AND json_extract(doc, '$.takeover_until') <= ? "
                              "ORDER BY created_at LIMIT ?", (iso(now), limit))  # fmt: skip
        return [record_from(loads(r[0])) for r in rows]

    async def events(
        self, handoff_id: str, status: DeliveryState | None = None
    ) -> list[HandoffEvent]:
        states = [status.value] if status is not None else [s.value for s in DeliveryState]
        marks = ", ".join("?" * len(states))
        rows = self._db.query(f"SELECT doc FROM handoff_events WHERE handoff_id = ? AND status "  # noqa: S608
                              f"IN ({marks}) ORDER BY event_id", (handoff_id, *states))  # fmt: skip
        return [event_from(loads(r[0])) for r in rows]

    async def list_due(self, now: datetime, limit: int = 100) -> list[HandoffEvent]:
        rows = self._db.query("SELECT doc FROM handoff_events WHERE status = 'pending' AND "
                              "due_at <= ? ORDER BY due_at, event_id LIMIT ?",
                              (iso(now), limit))  # fmt: skip
        return [event_from(loads(r[0])) for r in rows]

    async def requeue(self, handoff_id: str, now: datetime) -> list[HandoffEvent]:
        with self._db.transaction() as tx:
            rows = tx.execute(_FAILED, (handoff_id,)).fetchall()
            events = [again(event_from(loads(r[0])), now) for r in rows]
            for event in events:
                _put_event(tx, event)
            if events:
                _merge_record(tx, handoff_id, {"delivery": DeliveryState.PENDING.value})
        return events

    async def claim(
        self, event: HandoffEvent, token: str, now: datetime, until: datetime
    ) -> HandoffEvent | None:
        with self._db.transaction() as tx:
            row = tx.execute(_EVENT, (event.event_id,)).fetchone()
            current = event_from(loads(row[0])) if row else None
            if current is None or current.status is not DeliveryState.PENDING:
                return None
            if current.due_at > now:
                return None
            claimed = replace(current, due_at=until, attempts=current.attempts + 1,
                              claim_token=token)  # fmt: skip
            _put_event(tx, claimed)
            return claimed

    async def settle(
        self, event: HandoffEvent, token: str, remote: dict[str, Any] | None = None
    ) -> bool:
        with self._db.transaction() as tx:
            row = tx.execute(_EVENT, (event.event_id,)).fetchone()
            if row is None or loads(row[0]).get("claim_token") != token:
                return False
            _put_event(tx, replace(event, claim_token=None))
            fields: dict[str, Any] = {}
            if (state := delivery_after(event)) is not None:
                fields["delivery"] = state
            if remote:
                found = tx.execute(_RECORD, (event.handoff_id,)).fetchone()
                known = loads(found[0]).get("remote") or {} if found else {}
                fields["remote"] = {**known, **remote}
            _merge_record(tx, event.handoff_id, fields)
        return True
