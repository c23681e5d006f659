"""ConversationStore, LeadProfileStore and DecisionLog on Firestore."""

from __future__ import annotations

from google.api_core import exceptions as gexc
from google.cloud.firestore import AsyncTransaction

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, guard, run_transaction
from pyloto_corp.domain.conversation import ConversationHeader, StoredMessage, message_order
from pyloto_corp.domain.records import DecisionRecord, LeadProfile


class FirestoreConversationStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def append_message(self, message: StoredMessage, tenant_id: str | None = None) -> bool:
        header_ref = self._paths.conversation(message.user_key)
        message_ref = self._paths.child(message.user_key, "messages", message.provider_message_id)

        async def body(tx: AsyncTransaction) -> bool:
            existing = await message_ref.get(transaction=tx)  # all reads before any write
            header = await header_ref.get(transaction=tx)
            if existing.exists:
                return False
            tx.create(message_ref, codec.message_doc(message))
            current = header.to_dict() if header.exists else None
            tx.set(header_ref, codec.next_header(current, message, tenant_id))
            return True

        return await run_transaction(self._paths.client, body)

    async def get_header(self, user_key: str) -> ConversationHeader | None:
        async with guard():
            snap = await self._paths.conversation(user_key).get()
        return codec.header_from(snap.to_dict()) if snap.exists else None

    async def list_messages(self, user_key: str) -> list[StoredMessage]:
        collection = self._paths.conversation(user_key).collection("messages")
        async with guard():
            docs = [d.to_dict() async for d in collection.stream()]
        return sorted((codec.message_from(d) for d in docs), key=message_order)


class FirestoreLeadProfileStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def get(self, user_key: str) -> LeadProfile | None:
        async with guard():
            snap = await self._paths.lead(user_key).get()
        return codec.lead_from(snap.to_dict()) if snap.exists else None

    async def put(self, profile: LeadProfile) -> None:
        async with guard():
            await self._paths.lead(profile.user_key).set(codec.lead_doc(profile))


class FirestoreDecisionLog:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def record(self, decision: DecisionRecord) -> bool:
        ref = self._paths.child(decision.user_key, "decisions", decision.decision_id)
        try:
            async with guard():
                await ref.create(codec.decision_doc(decision))
        except Exception as exc:
            if isinstance(exc.__cause__, gexc.AlreadyExists):
                return False
            raise
        return True

    async def list_for_user(self, user_key: str) -> list[DecisionRecord]:
        collection = self._paths.conversation(user_key).collection("decisions")
        async with guard():
            found = [codec.decision_from(d.to_dict()) async for d in collection.stream()]
        return sorted(found, key=codec.decision_order)
