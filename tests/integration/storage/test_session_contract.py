"""SessionStore contract: optimistic concurrency, one open session per person, idle sweep."""

import asyncio
from dataclasses import replace

import pytest

from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.domain.records import QueuedIntent, SessionRecord
from tests.integration.storage.conftest import at

pytestmark = pytest.mark.anyio
USER = "uk_session"


def new_session(session_id: str = "s1", user: str = USER, activity: float = 0) -> SessionRecord:
    return SessionRecord(session_id=session_id, user_key=user, opened_at=at(0),
                         last_activity_at=at(activity))  # fmt: skip


async def test_create_then_update_bumps_version(storage):
    """Version 0 creates; each save returns version + 1 with every field kept."""
    created = await storage.sessions.save(new_session())
    assert created.version == 1
    queued = (QueuedIntent("INSTITUTIONAL", at(1), 0.7),)
    changed = replace(created, state="collecting", active_intent="CUSTOM_SOFTWARE",
                      queued_intents=queued, slots={"city": "Ponta Grossa", "users": 12},
                      context={"reasks": 1})  # fmt: skip
    saved = await storage.sessions.save(changed)
    assert saved.version == 2
    assert await storage.sessions.get(USER, "s1") == saved
    assert await storage.sessions.get_open(USER) == saved


async def test_stale_version_is_a_conflict(storage):
    """Saving from an old read raises VersionConflict and writes nothing."""
    created = await storage.sessions.save(new_session())
    await storage.sessions.save(replace(created, state="a"))
    with pytest.raises(VersionConflict):
        await storage.sessions.save(replace(created, state="b"))
    assert (await storage.sessions.get(USER, "s1")).state == "a"


async def test_only_one_open_session_per_person(storage):
    """A second open session is refused until the first one is closed with its outcome."""
    first = await storage.sessions.save(new_session("s1"))
    with pytest.raises(VersionConflict):
        await storage.sessions.save(new_session("s2"))
    with pytest.raises(VersionConflict):
        await storage.sessions.save(new_session("s1"))
    await storage.sessions.save(replace(first, outcome="SELF_SERVE_INFO", closed_at=at(5)))
    assert await storage.sessions.get_open(USER) is None
    await storage.sessions.save(new_session("s2"))
    assert (await storage.sessions.get_open(USER)).session_id == "s2"
    assert [s.session_id for s in await storage.sessions.list_for_user(USER)] == ["s1", "s2"]


async def test_idle_sweep_lists_open_sessions_past_the_cutoff(storage):
    """Only open sessions whose last activity is at or before the cutoff, oldest first."""
    await storage.sessions.save(new_session("a", "u1", activity=1))
    await storage.sessions.save(new_session("b", "u2", activity=50))
    old_closed = await storage.sessions.save(new_session("c", "u3", activity=0))
    await storage.sessions.save(replace(old_closed, outcome="UNSUPPORTED", closed_at=at(0)))
    await storage.sessions.save(new_session("d", "u4", activity=2))
    idle = await storage.sessions.list_idle(before=at(10))
    assert [s.session_id for s in idle] == ["a", "d"]
    assert [s.session_id for s in await storage.sessions.list_idle(at(10), limit=1)] == ["a"]
    assert [s.session_id for s in await storage.sessions.list_idle(at(2))] == ["a", "d"]


async def test_concurrent_updates_never_lose_one(storage):
    """Two writers read the same version; with reload-and-retry both changes survive."""
    await storage.sessions.save(new_session())
    both_read = asyncio.Barrier(2)

    async def add_slot(name: str) -> None:
        first_try = True
        while True:
            current = await storage.sessions.get(USER, "s1")
            if first_try:
                await both_read.wait()
                first_try = False
            try:
                await storage.sessions.save(replace(current, slots=current.slots | {name: True}))
                return
            except VersionConflict:
                continue

    await asyncio.gather(add_slot("city"), add_slot("deadline"))
    final = await storage.sessions.get(USER, "s1")
    assert final.slots == {"city": True, "deadline": True} and final.version == 3
