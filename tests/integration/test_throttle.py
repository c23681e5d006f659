"""Rate limits: local sliding log, and the Redis window shared by two instances."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from pyloto_corp.adapters.throttle.local import LocalThrottle
from pyloto_corp.adapters.throttle.redis import RedisThrottle

pytestmark = pytest.mark.anyio


class FakeTime:
    """A clock that only moves when the throttle sleeps (so waits are measured, not slept)."""

    def __init__(self) -> None:
        self.now, self.slept = 1000.0, []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_local_throttle_waits_for_the_window_to_slide() -> None:
    time = FakeTime()
    throttle = LocalThrottle(clock=time, sleep=time.sleep)
    for _ in range(3):
        await throttle.acquire("number:P", 3, 1.0)
    assert time.slept == []
    await throttle.acquire("number:P", 3, 1.0)
    assert time.slept == [pytest.approx(1.0)]
    await throttle.acquire("recipient:other", 3, 1.0)
    assert len(time.slept) == 1


@pytest.mark.redis
async def test_redis_throttle_is_shared_across_instances(redis_server) -> None:
    time = FakeTime()
    key = f"number:{uuid.uuid4().hex}"
    clients = [Redis.from_url(redis_server.url) for _ in range(2)]
    first, second = (RedisThrottle(c, clock=time, sleep=time.sleep) for c in clients)
    await first.acquire(key, 2, 1.0)
    await second.acquire(key, 2, 1.0)
    assert time.slept == []
    await first.acquire(key, 2, 1.0)
    assert len(time.slept) == 1
    for throttle in (first, second):
        await throttle.aclose()


async def test_redis_down_degrades_to_the_local_limit() -> None:
    time = FakeTime()
    throttle = RedisThrottle(Redis.from_url("redis://127.0.0.1:9/0", socket_connect_timeout=0.2),
                             clock=time, sleep=time.sleep)  # fmt: skip
    for _ in range(2):
        await throttle.acquire("number:P", 5, 1.0)
    assert time.slept == []
    await throttle.aclose()


@pytest.mark.redis
async def test_try_acquire_answers_instead_of_waiting(redis_server) -> None:
    """The ops API's limit: 0 while it fits, then the seconds to wait; shared via Redis."""
    time = FakeTime()
    key = f"ops:{uuid.uuid4().hex}"
    client = Redis.from_url(redis_server.url)
    shared = RedisThrottle(client, clock=time, sleep=time.sleep)
    local = LocalThrottle(clock=time, sleep=time.sleep)
    for throttle in (shared, local):
        assert [await throttle.try_acquire(key, 2, 60.0) for _ in range(2)] == [0.0, 0.0]
        wait = await throttle.try_acquire(key, 2, 60.0)
        assert 0 < wait <= 60.0
    assert time.slept == []
    await shared.aclose()
