"""SessionStore on Firestore: the open session lives in the conversation document.

A save is one transaction on that document (version check, one open session per
person); a closed session is also written to ``sessions/{id}``. The sweep queries the
conversations whose open session went idle (``idle_since``).
"""

from __future__ import annotations

from datetime import datetime

from google.cloud.firestore import FieldFilter

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.adapters.storage.firestore.state import (
    IDLE_SINCE,
    OPEN,
    SessionPlacement,
    state_from,
)
from pyloto_corp.domain.records import SessionRecord


class FirestoreSessionStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def get_open(self, user_key: str) -> SessionRecord | None:
        snap = await self._paths.get(self._paths.conversation(user_key))
        return state_from(user_key, snap.to_dict() if snap.exists else None).open_session

    async def get(self, user_key: str, session_id: str) -> SessionRecord | None:
        current = await self.get_open(user_key)
        if current is not None and current.session_id == session_id:
            return current
        snap = await self._paths.get(self._paths.child(user_key, "sessions", session_id))
        return codec.session_from(snap.to_dict()) if snap.exists else None

    async def save(self, session: SessionRecord) -> SessionRecord:
        header_ref = self._paths.conversation(session.user_key)
        closed_ref = self._paths.child(session.user_key, "sessions", session.session_id)

        async def body(tx: Tx) -> SessionRecord:
            header = await tx.get(header_ref)
            doc = header.to_dict() if header.exists else None
            state = state_from(session.user_key, doc)
            stored = None
            if (session.version and state.open_session is None) or (
                state.open_session and state.open_session.session_id != session.session_id
            ):
                closed = await tx.get(closed_ref)
                stored = codec.session_from(closed.to_dict()) if closed.exists else None
            placement = SessionPlacement(self._paths, tx, doc)
            saved = placement.save(session, stored)
            if placement.changes:
                fields = {"user_key": session.user_key, **placement.changes}
                tx.set(header_ref, fields, merge=list(fields))
            return saved

        return await run_transaction(self._paths, body)

    async def list_for_user(self, user_key: str) -> list[SessionRecord]:
        collection = self._paths.conversation(user_key).collection("sessions")
        found = [codec.session_from(d) for d in await self._paths.stream(collection)]
        current = await self.get_open(user_key)
        return sorted([*found, *([current] if current else [])], key=codec.session_order)

    async def list_idle(self, before: datetime, limit: int = 100) -> list[SessionRecord]:
        query = (
            self._paths.client.collection("conversations")
            .where(filter=FieldFilter(IDLE_SINCE, "<=", before))
            .order_by(IDLE_SINCE)
            .limit(limit)
        )
        return [codec.session_from(d[OPEN]) for d in await self._paths.stream(query) if d[OPEN]]
