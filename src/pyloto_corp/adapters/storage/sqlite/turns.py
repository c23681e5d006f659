"""TurnStore on SQLite: a whole turn inside one IMMEDIATE transaction (one commit)."""

from __future__ import annotations

import sqlite3

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.sqlite.audit import append_sealed, read_tail
from pyloto_corp.adapters.storage.sqlite.conversations import insert_message, merge_lead
from pyloto_corp.adapters.storage.sqlite.database import SqliteDatabase, dumps, loads
from pyloto_corp.adapters.storage.sqlite.handoffs import AlreadyCreated, write_handoffs
from pyloto_corp.adapters.storage.sqlite.sessions import save_session
from pyloto_corp.application.inbound.turns import ConversationState, Plan, TurnStatus, TurnWrites

_LAST_CLOSED = (
    "SELECT doc FROM sessions WHERE user_key = ? AND is_open = 0 "
    "ORDER BY json_extract(doc, '$.closed_at') DESC, session_id DESC LIMIT 1"
)


class _AlreadyStored(Exception):
    """Rolls the turn back: its message is stored already."""


def read_state(tx: sqlite3.Connection, user_key: str) -> ConversationState:
    header = tx.execute("SELECT doc FROM conversations WHERE user_key = ?", (user_key,))
    header_row = header.fetchone()
    opened = tx.execute(
        "SELECT doc FROM sessions WHERE user_key = ? AND is_open = 1", (user_key,)
    ).fetchone()
    closed = tx.execute(_LAST_CLOSED, (user_key,)).fetchone()
    return ConversationState(
        user_key=user_key,
        header=codec.header_from(loads(header_row[0])) if header_row else None,
        open_session=codec.session_from(loads(opened[0])) if opened else None,
        last_closed=codec.session_from(loads(closed[0])) if closed else None,
        audit_tail=read_tail(tx, user_key),
    )


def write_turn(tx: sqlite3.Connection, state: ConversationState, writes: TurnWrites) -> None:
    if writes.message is not None and not insert_message(tx, writes.message, writes.tenant_id):
        raise _AlreadyStored
    for session in writes.sessions:
        save_session(tx, session)
    for item in writes.outbox:
        tx.execute(
            "INSERT OR IGNORE INTO outbox (user_key, item_id, provider_message_id, doc) "
            "VALUES (?,?,?,?)",
            (item.user_key, item.item_id, item.provider_message_id,
             dumps(codec.outbox_doc(item))),
        )  # fmt: skip
    write_handoffs(tx, writes)
    append_sealed(tx, writes.audit, state.audit_tail)
    if writes.lead:
        merge_lead(tx, state.user_key, writes.lead)


class SqliteTurnStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def run_turn(self, user_key: str, plan: Plan) -> TurnStatus:
        try:
            with self._db.transaction() as tx:
                state = read_state(tx, user_key)
                writes = plan(state)
                if writes is None:
                    return TurnStatus.NOTHING
                write_turn(tx, state, writes)
        except (_AlreadyStored, AlreadyCreated):
            return TurnStatus.ALREADY_STORED
        except sqlite3.IntegrityError:  # a create-only record (an audit event id) exists
            return TurnStatus.ALREADY_STORED
        return TurnStatus.COMMITTED
