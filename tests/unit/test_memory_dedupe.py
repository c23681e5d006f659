"""MemoryDedupeGate specifics: bounded memory with an injected clock."""

import pytest

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.application.ports import ClaimOutcome, DedupeClaim

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_memory_is_bounded_dropping_expired_then_oldest():
    """Past max_entries, expired entries go first, then the oldest ones."""
    clock = Clock()
    gate = MemoryDedupeGate(lease_seconds=1, done_ttl_seconds=10, max_entries=3, clock=clock)
    await gate.claim("a")  # lease expires at t=1
    clock.now = 2
    for key in ("b", "c", "d"):
        await gate.complete(await gate.claim(key))
    assert len(gate) == 3
    assert (await gate.claim("a")).outcome is ClaimOutcome.ACQUIRED
    assert len(gate) == 3
    assert (await gate.claim("b")).outcome is ClaimOutcome.ACQUIRED  # oldest evicted


async def test_release_without_token_is_a_no_op():
    """Releasing a claim that never acquired leaves the holder's lease alone."""
    gate = MemoryDedupeGate(lease_seconds=10, done_ttl_seconds=10)
    await gate.claim("k")
    await gate.release(DedupeClaim(key="k", outcome=ClaimOutcome.IN_PROGRESS))
    assert (await gate.claim("k")).outcome is ClaimOutcome.IN_PROGRESS
