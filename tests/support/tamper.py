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


def tamper_firestore(user_key: str, event_id: str, **changes: Any) -> None:
    """Needs FIRESTORE_EMULATOR_HOST in the environment (the storage fixture sets it)."""
    client = firestore.Client(project=PROJECT)
    conversation = client.collection("conversations").document(doc_id(user_key))
    conversation.collection("audit").document(doc_id(event_id)).update(changes)
    client.close()
