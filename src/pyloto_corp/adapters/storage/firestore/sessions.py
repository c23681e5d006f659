"""SessionStore on Firestore: version check and the open-session pointer in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from google.cloud.firestore import AsyncTransaction, FieldFilter

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, guard, run_transaction
from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.domain.records import SessionRecord

META, OPEN_POINTER = "meta", "open_session"


class FirestoreSessionStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def get_open(self, user_key: str) -> SessionRecord | None:
        async with guard():
            pointer = await self._paths.child(user_key, META, OPEN_POINTER).get()
        if not pointer.exists:
            return None
        session = await self.get(user_key, pointer.get("session_id"))
        return session if session and session.is_open else None

    async def get(self, user_key: str, session_id: str) -> SessionRecord | None:
        async with guard():
            snap = await self._paths.child(user_key, "sessions", session_id).get()
        return codec.session_from(snap.to_dict()) if snap.exists else None

    async def save(self, session: SessionRecord) -> SessionRecord:
        saved = replace(session, version=session.version + 1)
        ref = self._paths.child(session.user_key, "sessions", session.session_id)
        pointer_ref = self._paths.child(session.user_key, META, OPEN_POINTER)

        async def body(tx: AsyncTransaction) -> SessionRecord:
            current = await ref.get(transaction=tx)
            pointer = await pointer_ref.get(transaction=tx)
            stored_version = current.get("version") if current.exists else 0
            open_id = pointer.get("session_id") if pointer.exists else None
            if stored_version != session.version:
                raise VersionConflict(f"session {session.session_id} changed since read")
            if saved.is_open and open_id not in (None, session.session_id):
                raise VersionConflict("another session is open for this person")
            tx.set(ref, codec.session_doc(saved))
            if saved.is_open:
                tx.set(pointer_ref, {"session_id": saved.session_id})
            elif open_id == session.session_id:
                tx.delete(pointer_ref)
            return saved

        return await run_transaction(self._paths.client, body)

    async def list_for_user(self, user_key: str) -> list[SessionRecord]:
        collection = self._paths.conversation(user_key).collection("sessions")
        async with guard():
            found = [codec.session_from(d.to_dict()) async for d in collection.stream()]
        return sorted(found, key=codec.session_order)

    async def list_idle(self, before: datetime, limit: int = 100) -> list[SessionRecord]:
        query = (
            self._paths.client.collection_group("sessions")
            .where(filter=FieldFilter("status", "==", "open"))
            .where(filter=FieldFilter("last_activity_at", "<=", before))
            .order_by("last_activity_at")
            .limit(limit)
        )
        async with guard():
            return [codec.session_from(d.to_dict()) async for d in query.stream()]
