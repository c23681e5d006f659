"""OutboxStore on Firestore: create-only enqueue, leased claims, monotonic delivery status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from google.cloud.firestore import AsyncDocumentReference, FieldFilter

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage import outbox_rules as rules
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, guard, run_transaction
from pyloto_corp.domain.records import OutboxItem


class FirestoreOutboxStore(rules.DeliveryRecorder):
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    def _ref(self, user_key: str, item_id: str) -> AsyncDocumentReference:
        return self._paths.child(user_key, "outbox", item_id)

    async def enqueue(self, items: list[OutboxItem]) -> int:
        refs = [self._ref(i.user_key, i.item_id) for i in items]

        async def body(tx: Tx) -> int:
            snaps = [await tx.get(ref) for ref in refs]
            new = [(r, i) for r, i, s in zip(refs, items, snaps, strict=True) if not s.exists]
            for ref, item in new:
                tx.create(ref, self._paths.expiring(codec.outbox_doc(item), item.created_at))
            return len(new)

        return await run_transaction(self._paths, body)

    async def get(self, user_key: str, item_id: str) -> OutboxItem | None:
        snap = await self._paths.get(self._ref(user_key, item_id))
        return codec.outbox_from(snap.to_dict()) if snap.exists else None

    async def list_for_user(self, user_key: str) -> list[OutboxItem]:
        collection = self._paths.conversation(user_key).collection("outbox")
        items = [codec.outbox_from(d) for d in await self._paths.stream(collection)]
        return sorted(items, key=codec.outbox_order)

    async def _update(self, user_key: str, item_id: str, change: rules.Change) -> OutboxItem | None:
        ref = self._ref(user_key, item_id)

        async def body(tx: Tx) -> OutboxItem | None:
            snap = await tx.get(ref)
            new = change(codec.outbox_from(snap.to_dict())) if snap.exists else None
            if new is not None:
                tx.set(ref, self._paths.expiring(codec.outbox_doc(new), new.created_at))
            return new

        return await run_transaction(self._paths, body)

    async def record_sent(
        self, sent: Sequence[tuple[OutboxItem, str]], token: str, now: datetime
    ) -> None:
        """Blind writes (no read) in one batch: the lease holder's items are its own.

        The token is not re-checked: a lease outlives any send (the sender's budget ends
        before it), so nobody else holds the item; a status webhook that settled it first
        wrote the same values. Delivery statuses live in other fields and are kept.
        """
        batch = self._paths.client.batch()
        for item, provider_message_id in sent:
            fields = {"status": "sent", "provider_message_id": provider_message_id,
                      "claim_token": None, "claim_expires_at": None, "due_at": None,
                      "sending_at": None, "updated_at": now, "sent_at": now}  # fmt: skip
            batch.update(self._ref(item.user_key, item.item_id), fields)
        await self._paths.write(batch.commit(), count=len(sent))

    async def list_due(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        query = (
            self._paths.client.collection_group("outbox")
            .where(filter=FieldFilter("status", "==", "pending"))
            .where(filter=FieldFilter("due_at", "<=", now))
            .order_by("due_at")
            .limit(limit)
        )
        return [codec.outbox_from(d) for d in await self._paths.stream(query)]

    async def find_by_provider_id(self, provider_message_id: str) -> OutboxItem | None:
        query = (
            self._paths.client.collection_group("outbox")
            .where(filter=FieldFilter("provider_message_id", "==", provider_message_id))
            .limit(1)
        )
        found = [codec.outbox_from(d) for d in await self._paths.stream(query)]
        return found[0] if found else None


__all__ = ["FirestoreOutboxStore", "guard"]
