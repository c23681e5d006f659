"""Edit a stored audit event behind the application's back, as an attacker with DB access."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from google.cloud import firestore

from pyloto_corp.adapters.storage.firestore.client import doc_id
from tests.support.firestore_emulator import PROJECT


def tamper_sqlite(path: Path | str, event_id: str, **changes: Any) -> None:
    with sqlite3.connect(path) as conn:
        (doc,) = conn.execute(
            "SELECT doc FROM audit_events WHERE event_id = ?", (event_id,)
        ).fetchone()
        edited = json.dumps(json.loads(doc) | changes, ensure_ascii=False)
        conn.execute("UPDATE audit_events SET doc = ? WHERE event_id = ?", (edited, event_id))
        if "seq" in changes:  # the indexed column follows the document
            conn.execute("UPDATE audit_events SET seq = ? WHERE event_id = ?",
                         (changes["seq"], event_id))  # fmt: skip


def tamper_firestore(user_key: str, event_id: str, **changes: Any) -> None:
    """Needs FIRESTORE_EMULATOR_HOST in the environment (the storage fixture sets it)."""
    client = firestore.Client(project=PROJECT)
    conversation = client.collection("conversations").document(doc_id(user_key))
    conversation.collection("audit").document(doc_id(event_id)).update(changes)
    client.close()


class ChainTamper:
    """Edits, deletes and reorders one person's stored audit events on either backend."""

    def __init__(self, backend: str, sqlite_path: Path | str, user_key: str) -> None:
        self.backend, self.sqlite_path, self.user_key = backend, sqlite_path, user_key

    def edit(self, event_id: str, **changes: Any) -> None:
        if self.backend == "sqlite":
            tamper_sqlite(self.sqlite_path, event_id, **changes)
        else:
            tamper_firestore(self.user_key, event_id, **changes)

    def delete(self, *event_ids: str) -> None:
        if self.backend == "sqlite":
            with sqlite3.connect(self.sqlite_path) as conn:
                for event_id in event_ids:
                    conn.execute("DELETE FROM audit_events WHERE event_id = ?", (event_id,))
            return
        client = firestore.Client(project=PROJECT)
        audit = client.collection("conversations").document(doc_id(self.user_key))
        for event_id in event_ids:
            audit.collection("audit").document(doc_id(event_id)).delete()
        client.close()

    def swap_seq(self, first: str, second: str, seqs: tuple[int, int]) -> None:
        """``first`` takes position ``seqs[1]`` and ``second`` position ``seqs[0]``."""
        self.edit(first, seq=-1)  # SQLite's (user_key, seq) key: one free position first
        self.edit(second, seq=seqs[0])
        self.edit(first, seq=seqs[1])

    def drop_head(self) -> None:
        """Remove the stored head itself (the audit_heads row, the document's ``audit``)."""
        if self.backend == "sqlite":
            with sqlite3.connect(self.sqlite_path) as conn:
                conn.execute("DELETE FROM audit_heads WHERE user_key = ?", (self.user_key,))
            return
        client = firestore.Client(project=PROJECT)
        conversation = client.collection("conversations").document(doc_id(self.user_key))
        conversation.update({"audit": firestore.DELETE_FIELD})
        client.close()
