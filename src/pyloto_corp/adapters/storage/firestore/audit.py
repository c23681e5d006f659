"""AuditLog on Firestore: the chain's head, in the conversation document, guards appends."""

from __future__ import annotations

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.adapters.storage.firestore.state import audit_head, audit_tail, seal_after
from pyloto_corp.application.errors import AuditConflict
from pyloto_corp.domain.audit import AuditEvent, AuditHead


class FirestoreAuditLog:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def head(self, user_key: str) -> AuditHead:
        snap = await self._paths.get(self._paths.conversation(user_key))
        return audit_head(snap.to_dict() if snap.exists else None)

    async def tail(self, user_key: str) -> tuple[str, int]:
        head = await self.head(user_key)
        return head.hash, head.seq

    async def append(self, draft: AuditEvent, expected_prev_hash: str) -> AuditEvent:
        header_ref = self._paths.conversation(draft.user_key)

        async def body(tx: Tx) -> AuditEvent:
            header = await tx.get(header_ref)
            doc = header.to_dict() if header.exists else None
            if audit_tail(doc)[0] != expected_prev_hash:
                raise AuditConflict("audit chain moved")
            [event], head = seal_after(self._paths, tx, (draft,), doc)
            fields = {"user_key": draft.user_key, **head}
            tx.set(header_ref, fields, merge=list(fields))
            return event

        return await run_transaction(self._paths, body)

    async def list_events(self, user_key: str) -> list[AuditEvent]:
        collection = self._paths.conversation(user_key).collection("audit")
        found = [codec.audit_from(d) for d in await self._paths.stream(collection)]
        return sorted(found, key=lambda e: e.seq)
