"""Every storage contract runs on SQLite and on the official Firestore emulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from tests.support.firestore_emulator import PROJECT

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture(params=["sqlite", pytest.param("firestore", marks=pytest.mark.firestore)])
async def storage(request, tmp_path, monkeypatch, shared_event_loop):
    if request.param == "sqlite":
        built = build_sqlite_storage(tmp_path / "pyloto.sqlite3")
    else:
        emulator = request.getfixturevalue("firestore_emulator")
        emulator.wipe()
        monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", emulator.host)
        built = build_firestore_storage(PROJECT)
    yield built
    await built.close()
