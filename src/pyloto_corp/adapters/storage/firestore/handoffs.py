"""HandoffStore on Firestore: ``handoffs/{handoff_id}`` and ``handoff_events/{event_id}``.

Top-level collections, so ops can list leads by period, routing and status (indexes in
``firestore.indexes.json``) and delivery can find what is due across every person.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from google.cloud.firestore import AsyncDocumentReference, FieldFilter, Query

from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, doc_id, run_transaction
from pyloto_corp.adapters.storage.handoff_codec import (
    event_doc,
    event_from,
    record_doc,
    record_from,
    released_fields,
)
from pyloto_corp.application.inbound.turns import TurnWrites
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    HandoffEvent,
    HandoffRecord,
    HandoffStatus,
    LeadQuery,
    again,
    delivery_after,
)

RECORDS, EVENTS = "handoffs", "handoff_events"


def write_handoffs(paths: Paths, tx: Tx, writes: TurnWrites) -> None:
    """The turn's handoffs and events (create-only) and releases (merged)."""
    for record in writes.handoffs:
        ref = paths.client.collection(RECORDS).document(doc_id(record.handoff_id))
        tx.create(ref, paths.expiring(record_doc(record), record.created_at))
    for event in writes.events:
        ref = paths.client.collection(EVENTS).document(doc_id(event.event_id))
        tx.create(ref, paths.expiring(event_doc(event), event.created_at))
    for release in writes.releases:
        ref = paths.client.collection(RECORDS).document(doc_id(release.handoff_id))
        tx.set(ref, released_fields(release.at, release.reason), merge=True)


class FirestoreHandoffStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    def _record(self, handoff_id: str) -> AsyncDocumentReference:
        return self._paths.client.collection(RECORDS).document(doc_id(handoff_id))

    def _event(self, event_id: str) -> AsyncDocumentReference:
        return self._paths.client.collection(EVENTS).document(doc_id(event_id))

    async def get(self, handoff_id: str) -> HandoffRecord | None:
        snap = await self._paths.get(self._record(handoff_id))
        return record_from(snap.to_dict()) if snap.exists else None

    async def list(self, query: LeadQuery) -> list[HandoffRecord]:
        found: Any = self._paths.client.collection(RECORDS)
        if query.routing:
            found = found.where(filter=FieldFilter("routing", "==", query.routing))
        if query.since is not None:
            found = found.where(filter=FieldFilter("created_at", ">=", query.since))
        found = found.order_by("created_at", direction=Query.DESCENDING)
        records = [record_from(d) for d in await self._paths.stream(found)]
        return [r for r in records if query.admits(r)][: query.limit]

    async def expired(self, now: datetime, limit: int = 100) -> list[HandoffRecord]:
        found = (
            self._paths.client.collection(RECORDS)
            .where(filter=FieldFilter("status", "==", HandoffStatus.OPEN.value))
            .where(filter=FieldFilter("takeover_until", "<=", now))
            .order_by("takeover_until")
            .limit(limit)
        )
        return [record_from(d) for d in await self._paths.stream(found)]

    async def events(
        self, handoff_id: str, status: DeliveryState | None = None
    ) -> list[HandoffEvent]:
        found = self._paths.client.collection(EVENTS).where(
            filter=FieldFilter("handoff_id", "==", handoff_id)
        )
        if status is not None:  # equalities only: served by single-field indexes
            found = found.where(filter=FieldFilter("status", "==", status.value))
        events = [event_from(d) for d in await self._paths.stream(found)]
        return sorted(events, key=lambda e: e.seq)

    async def list_due(self, now: datetime, limit: int = 100) -> list[HandoffEvent]:
        found = (
            self._paths.client.collection(EVENTS)
            .where(filter=FieldFilter("status", "==", DeliveryState.PENDING.value))
            .where(filter=FieldFilter("due_at", "<=", now))
            .order_by("due_at")
            .limit(limit)
        )
        return [event_from(d) for d in await self._paths.stream(found)]

    async def requeue(self, handoff_id: str, now: datetime) -> list[HandoffEvent]:
        failed = await self.events(handoff_id, DeliveryState.FAILED)

        async def body(tx: Tx) -> list[HandoffEvent]:
            events = []
            for event in failed:
                snap = await tx.get(self._event(event.event_id))
                current = event_from(snap.to_dict()) if snap.exists else None
                if current is not None and current.status is DeliveryState.FAILED:
                    events.append(again(current, now))
            for event in events:
                tx.set(self._event(event.event_id), event_doc(event), merge=True)
            if events:
                tx.set(self._record(handoff_id), {"delivery": "pending"}, merge=True)
            return events

        return await run_transaction(self._paths, body) if failed else []

    async def claim(
        self, event: HandoffEvent, token: str, now: datetime, until: datetime
    ) -> HandoffEvent | None:
        ref = self._event(event.event_id)

        async def body(tx: Tx) -> HandoffEvent | None:
            snap = await tx.get(ref)
            current = event_from(snap.to_dict()) if snap.exists else None
            if current is None or current.status is not DeliveryState.PENDING:
                return None
            if current.due_at > now:
                return None
            claimed = replace(current, due_at=until, attempts=current.attempts + 1,
                              claim_token=token)  # fmt: skip
            tx.set(ref, event_doc(claimed), merge=True)
            return claimed

        return await run_transaction(self._paths, body)

    async def settle(
        self, event: HandoffEvent, token: str, remote: dict[str, Any] | None = None
    ) -> bool:
        ref, record = self._event(event.event_id), self._record(event.handoff_id)

        async def body(tx: Tx) -> bool:
            snap = await tx.get(ref)
            if not snap.exists or (snap.to_dict() or {}).get("claim_token") != token:
                return False
            fields: dict[str, Any] = {}
            if (state := delivery_after(event)) is not None:
                fields["delivery"] = state
            if remote:
                fields["remote"] = remote  # merged key by key
            tx.set(ref, event_doc(replace(event, claim_token=None)), merge=True)
            if fields:
                tx.set(record, fields, merge=True)
            return True

        return await run_transaction(self._paths, body)


async def subject_refs(paths: Paths, user_key: str) -> list[AsyncDocumentReference]:
    """The person's handoffs and events, for an erasure (they hold the lead and messages)."""
    refs = []
    for name, key in ((RECORDS, "handoff_id"), (EVENTS, "event_id")):
        found = paths.client.collection(name).where(filter=FieldFilter("user_key", "==", user_key))
        refs += [paths.client.collection(name).document(doc_id(d[key]))
                 for d in await paths.stream(found)]  # fmt: skip
    return refs
