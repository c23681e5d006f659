"""AuditLog on Firestore: the chain's head document guards every conditional append."""

from __future__ import annotations

from google.cloud.firestore import AsyncTransaction

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, guard, run_transaction
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent, seal

META, HEAD = "meta", "audit_head"


class FirestoreAuditLog:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def tail(self, user_key: str) -> tuple[str, int]:
        async with guard():
            head = await self._paths.child(user_key, META, HEAD).get()
        return (head.get("hash"), head.get("seq")) if head.exists else (GENESIS_HASH, 0)

    async def append(self, draft: AuditEvent, expected_prev_hash: str) -> AuditEvent:
        head_ref = self._paths.child(draft.user_key, META, HEAD)
        event_ref = self._paths.child(draft.user_key, "audit", draft.event_id)

        async def body(tx: AsyncTransaction) -> AuditEvent:
            head = await head_ref.get(transaction=tx)
            tail_hash = head.get("hash") if head.exists else GENESIS_HASH
            tail_seq = head.get("seq") if head.exists else 0
            if tail_hash != expected_prev_hash:
                raise AuditConflict("audit chain moved")
            event = seal(draft, prev_hash=tail_hash, seq=tail_seq + 1)
            tx.create(event_ref, codec.audit_doc(event))
            tx.set(head_ref, {"hash": event.hash, "seq": event.seq, "event_id": event.event_id})
            return event

        return await run_transaction(self._paths.client, body)

    async def list_events(self, user_key: str) -> list[AuditEvent]:
        collection = self._paths.conversation(user_key).collection("audit")
        async with guard():
            found = [codec.audit_from(d.to_dict()) async for d in collection.stream()]
        return sorted(found, key=lambda e: e.seq)
