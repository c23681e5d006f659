"""`pyloto-corp sweep`: closes idle sessions in the configured store and prints a JSON summary."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.domain.records import SessionRecord

CLI = [sys.executable, "-m", "pyloto_corp.cli.main", "sweep"]


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "ENVIRONMENT": "development", **env}
    return subprocess.run(CLI, capture_output=True, text=True, timeout=60, check=False, env=full)


async def _seed(path: str) -> None:
    storage = build_sqlite_storage(path)
    now = datetime.now(UTC)
    old, fresh = now - timedelta(hours=3), now - timedelta(minutes=5)
    await storage.sessions.save(SessionRecord("s-old", "a" * 64, old, old, state="menu"))
    await storage.sessions.save(SessionRecord("s-new", "b" * 64, fresh, fresh, state="menu"))
    await storage.close()


async def _outcomes(path: str) -> dict[str, str | None]:
    storage = build_sqlite_storage(path)
    found = {}
    for key in ("a" * 64, "b" * 64):
        for session in await storage.sessions.list_for_user(key):
            found[session.session_id] = session.outcome
    await storage.close()
    return found


def test_sweep_closes_only_idle_sessions_and_reports_them(tmp_path) -> None:
    path = str(tmp_path / "pyloto.sqlite3")
    asyncio.run(_seed(path))
    done = run({"SQLITE_PATH": path})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {"examined": 1, "closed": 1, "conflicts": 0,
                      "outcomes": {"AWAITING_USER": 1}}  # fmt: skip
    assert asyncio.run(_outcomes(path)) == {"s-old": "AWAITING_USER", "s-new": None}
    again = json.loads(run({"SQLITE_PATH": path}).stdout)
    assert again["examined"] == 0


def test_sweep_refuses_unsafe_settings() -> None:
    done = run({"STORAGE_BACKEND": "firestore", "FIRESTORE_PROJECT_ID": ""})
    assert done.returncode == 2
    assert "Configuração recusada" in done.stderr
