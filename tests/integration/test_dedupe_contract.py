"""One contract for every DedupeGate: memory (one process) and Redis (real redis-server)."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from redis.asyncio import Redis

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.adapters.dedupe.redis import RedisDedupeGate
from pyloto_corp.application.errors import DedupeUnavailable
from pyloto_corp.application.ports import ClaimOutcome
from tests.support.processes import free_port
from tests.support.waiting import eventually

pytestmark = pytest.mark.anyio
LEASE = 30.0  # far longer than any test: a lease that must hold never runs out mid-test
SHORT = 0.2  # for the tests that wait (by polling) until a lease or a done-mark expires


class Gates:
    """Builds gates on one backend; ``run_out`` ends a lease at once, as its expiry would."""

    def __init__(self, redis_url: str | None) -> None:
        self.clients: list[Redis] = []
        self._url, self._skew = redis_url, 0.0
        self._prefix = f"test:{uuid.uuid4().hex}:"

    def __call__(self, lease: float = LEASE, done_ttl: float = 60.0):
        if self._url is None:
            return MemoryDedupeGate(lease_seconds=lease, done_ttl_seconds=done_ttl,
                                    clock=lambda: time.monotonic() + self._skew)  # fmt: skip
        self.clients.append(Redis.from_url(self._url))
        return RedisDedupeGate(self.clients[-1], lease_seconds=lease, done_ttl_seconds=done_ttl,
                               prefix=self._prefix)  # fmt: skip

    async def run_out(self, key: str) -> None:
        """Memory: its clock moves an hour on. Redis: the key goes, as when its PX expires."""
        if self._url is None:
            self._skew += 3600.0
        else:
            await self.clients[-1].delete(self._prefix + key)


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def make_gate(request):
    url = request.getfixturevalue("redis_server").url if request.param == "redis" else None
    gates = Gates(url)
    yield gates
    for client in gates.clients:
        await client.aclose()


async def claim_until_acquired(gate, key: str, what: str):
    """Claim again until one acquires (a claim that does not acquire changes nothing)."""
    return await eventually(lambda: gate.claim(key),
                            lambda claim: claim.outcome is ClaimOutcome.ACQUIRED, what)  # fmt: skip


async def test_first_claim_acquires_then_done_blocks_forever(make_gate):
    """Acquire once; after complete(), every later claim says DONE."""
    gate = make_gate()
    first = await gate.claim("m1")
    assert first.outcome is ClaimOutcome.ACQUIRED and first.token
    await gate.complete(first)
    for _ in range(3):
        assert (await gate.claim("m1")).outcome is ClaimOutcome.DONE


async def test_claim_while_leased_is_in_progress(make_gate):
    """A second attempt during the lease must not process the message too."""
    gate = make_gate()
    await gate.claim("m2")
    second = await gate.claim("m2")
    assert second.outcome is ClaimOutcome.IN_PROGRESS and second.token is None


async def test_released_lease_can_be_taken_at_once(make_gate):
    """A failed attempt releases its lease so Meta's retry processes the message."""
    gate = make_gate()
    claim = await gate.claim("m3")
    await gate.release(claim)
    assert (await gate.claim("m3")).outcome is ClaimOutcome.ACQUIRED


async def test_crashed_attempt_lease_expires(make_gate):
    """An attempt that died without releasing blocks only until its lease expires."""
    gate = make_gate(lease=SHORT)  # held meanwhile: test_claim_while_leased_is_in_progress
    await gate.claim("m4")
    await claim_until_acquired(gate, "m4", "the crashed attempt's lease to expire")


async def test_stale_release_does_not_free_a_newer_lease(make_gate):
    """Releasing an expired lease must not drop the lease another attempt took since."""
    gate = make_gate()
    stale = await gate.claim("m5")
    await make_gate.run_out("m5")  # the attempt stalled past its lease
    fresh = await gate.claim("m5")
    await gate.release(stale)
    assert fresh.outcome is ClaimOutcome.ACQUIRED
    assert (await gate.claim("m5")).outcome is ClaimOutcome.IN_PROGRESS


async def test_done_mark_expires_after_its_ttl(make_gate):
    """The done-mark is long but not eternal (memory and Redis stay bounded)."""
    gate = make_gate(done_ttl=SHORT)
    await gate.complete(await gate.claim("m6"))
    await claim_until_acquired(gate, "m6", "the done-mark to expire")


async def test_concurrent_claims_acquire_exactly_once(make_gate):
    """Fifty simultaneous attempts on one key: exactly one acquires."""
    gate = make_gate()
    claims = await asyncio.gather(*(gate.claim("m7") for _ in range(50)))
    outcomes = [c.outcome for c in claims]
    assert outcomes.count(ClaimOutcome.ACQUIRED) == 1
    assert outcomes.count(ClaimOutcome.IN_PROGRESS) == 49


async def test_ping_answers(make_gate):
    """A reachable backend answers ping."""
    await make_gate().ping()


@pytest.mark.redis
async def test_redis_down_is_dedupe_unavailable(redis_server):
    """Every operation fails closed with DedupeUnavailable when Redis cannot be reached."""
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.2)
    gate = RedisDedupeGate(client, lease_seconds=1, done_ttl_seconds=1)
    claim = type("Claim", (), {"key": "k", "token": "t"})()
    for call in (gate.ping(), gate.claim("k"), gate.complete(claim), gate.release(claim)):
        with pytest.raises(DedupeUnavailable):
            await call
    await gate.aclose()
