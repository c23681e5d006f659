"""ConversationStore and LeadProfileStore on Firestore."""

from __future__ import annotations

from datetime import datetime

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.domain.conversation import (
    ConversationHeader,
    Direction,
    StoredMessage,
    message_order,
)
from pyloto_corp.domain.records import LeadProfile

HEADER_FIELDS = ("user_key", "tenant_id", "created_at", "updated_at", "last_message_at",
                 "window_closed_at")  # fmt: skip


def header_fields(current: dict | None, message: StoredMessage, tenant_id: str | None) -> dict:
    """The header's own fields after ``message`` (merged: the live state is left alone)."""
    after = codec.next_header(current, message, tenant_id)
    return {name: after[name] for name in HEADER_FIELDS if name in after}


class FirestoreConversationStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def append_message(self, message: StoredMessage, tenant_id: str | None = None) -> bool:
        header_ref = self._paths.conversation(message.user_key)
        message_ref = self._paths.child(message.user_key, "messages", message.provider_message_id)

        async def body(tx: Tx) -> bool:
            existing = await tx.get(message_ref)  # all reads before any write
            header = await tx.get(header_ref)
            if existing.exists:
                return False
            tx.create(
                message_ref, self._paths.expiring(codec.message_doc(message), message.stored_at)
            )
            if message.direction is Direction.OUT:  # the header's clocks follow the person
                return True
            fields = header_fields(header.to_dict() if header.exists else None, message, tenant_id)
            tx.set(header_ref, fields, merge=list(fields))
            return True

        return await run_transaction(self._paths, body)

    async def get_header(self, user_key: str) -> ConversationHeader | None:
        snap = await self._paths.get(self._paths.conversation(user_key))
        return codec.header_from(snap.to_dict()) if snap.exists else None

    async def list_messages(self, user_key: str) -> list[StoredMessage]:
        collection = self._paths.conversation(user_key).collection("messages")
        docs = await self._paths.stream(collection)
        return sorted((codec.message_from(d) for d in docs), key=message_order)

    async def close_window(self, user_key: str, at: datetime) -> None:
        """A send hit 131047: free-form replies wait until the person writes again."""
        header_ref = self._paths.conversation(user_key)

        async def body(tx: Tx) -> None:
            snap = await tx.get(header_ref)
            doc = snap.to_dict() if snap.exists else {}
            if "created_at" in doc and not doc.get("window_closed_at"):
                tx.set(header_ref, {"window_closed_at": at}, merge=["window_closed_at"])

        await run_transaction(self._paths, body)


class FirestoreLeadProfileStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def get(self, user_key: str) -> LeadProfile | None:
        snap = await self._paths.get(self._paths.lead(user_key))
        return codec.lead_from(snap.to_dict()) if snap.exists else None

    async def put(self, profile: LeadProfile) -> None:
        doc = self._paths.expiring(codec.lead_doc(profile), profile.updated_at)
        await self._paths.write(self._paths.lead(profile.user_key).set(doc))
