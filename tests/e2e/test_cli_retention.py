"""`pyloto-corp retention apply [--dry-run]` as a real process on the embedded backend."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.domain.conversation import Direction, StoredMessage

CLI = [sys.executable, "-m", "pyloto_corp.cli.main", "retention", "apply"]
USER = "R" * 43


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    values = {**os.environ, "ENVIRONMENT": "development", "LOG_FORMAT": "json",
              "SQLITE_PATH": str(tmp_path / "db.sqlite3"), "MEDIA_LOCAL_DIR": str(tmp_path / "m"),
              "EXPORT_LOCAL_DIR": str(tmp_path / "x"), "CONVERSATION_RETENTION_DAYS": "30",
              **env}  # fmt: skip
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60,
                          check=False, env=values)  # fmt: skip


async def seed(path: Path) -> None:
    storage = build_sqlite_storage(path)
    for days, wamid in ((31, "wamid.old"), (29, "wamid.recent")):
        at = datetime.now(UTC) - timedelta(days=days)
        await storage.conversations.append_message(StoredMessage.sanitized(
            user_key=USER, provider_message_id=wamid, direction=Direction.IN, kind="text",
            sent_at=at, stored_at=at, text="oi"))  # fmt: skip
    await storage.close()


def old_file(path: Path, days: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    when = time.time() - days * 86400
    os.utime(path, (when, when))


def test_dry_run_lists_and_apply_deletes(tmp_path):
    asyncio.run(seed(tmp_path / "db.sqlite3"))
    old_file(tmp_path / "m" / "media" / USER / "wamid.old.jpg", 91)
    old_file(tmp_path / "x" / "conversations" / USER / "a_history.txt", 200)  # one exports level
    listed = run(tmp_path, "--dry-run")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert report["dry_run"] is True and report["records"]["messages"] == 1
    assert report["files"]["media"] == [f"media/{USER}/wamid.old.jpg"]
    assert report["files"]["exports"] == [f"exports/conversations/{USER}/a_history.txt"]
    assert (tmp_path / "m" / "media" / USER / "wamid.old.jpg").exists()
    applied = json.loads(run(tmp_path).stdout)
    assert applied["dry_run"] is False and applied["records"]["messages"] == 1
    assert not (tmp_path / "m" / "media" / USER / "wamid.old.jpg").exists()
    again = json.loads(run(tmp_path, "--dry-run").stdout)
    assert again["records"]["messages"] == 0 and again["files"] == {"media": [], "exports": []}


def test_firestore_is_left_to_its_ttl(tmp_path):
    done = run(tmp_path, "--dry-run", STORAGE_BACKEND="firestore", FIRESTORE_PROJECT_ID="demo")
    assert done.returncode == 2 and "expires_at" in done.stderr
