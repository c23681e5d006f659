"""RedisDedupeGate: SET-NX-style lease then a long done-mark, shared by every instance."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis
from redis.exceptions import RedisError

from pyloto_corp.application.errors import DedupeUnavailable
from pyloto_corp.application.ports import ClaimOutcome, DedupeClaim

_DONE = "done"

# One round trip, atomic: take the lease if the key is free, else say who holds it.
_CLAIM = """
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 'acquired'
end
if current == 'done' then return 'done' end
return 'in_progress'
"""

# Drop the lease only if it is still ours (it may have expired and been re-taken).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisDedupeGate:
    def __init__(
        self,
        client: Redis,
        *,
        lease_seconds: float,
        done_ttl_seconds: float,
        prefix: str = "pyloto:dedupe:",
    ) -> None:
        self._client = client
        self._lease_ms = max(1, int(lease_seconds * 1000))
        self._done_ttl_ms = max(1, int(done_ttl_seconds * 1000))
        self._prefix = prefix
        self._claim = client.register_script(_CLAIM)
        self._release = client.register_script(_RELEASE)

    async def claim(self, key: str) -> DedupeClaim:
        token = f"lease:{uuid.uuid4().hex}"
        try:
            raw = await self._claim(keys=[self._prefix + key], args=[token, self._lease_ms])
        except RedisError as exc:
            raise DedupeUnavailable("redis claim failed") from exc
        outcome = ClaimOutcome(raw.decode() if isinstance(raw, bytes) else raw)
        return DedupeClaim(
            key=key,
            outcome=outcome,
            token=token if outcome is ClaimOutcome.ACQUIRED else None,
        )

    async def complete(self, claim: DedupeClaim) -> None:
        try:
            await self._client.set(self._prefix + claim.key, _DONE, px=self._done_ttl_ms)
        except RedisError as exc:
            raise DedupeUnavailable("redis complete failed") from exc

    async def release(self, claim: DedupeClaim) -> None:
        if claim.token is None:
            return
        try:
            await self._release(keys=[self._prefix + claim.key], args=[claim.token])
        except RedisError as exc:
            raise DedupeUnavailable("redis release failed") from exc

    async def ping(self) -> None:
        try:
            await self._client.ping()
        except RedisError as exc:
            raise DedupeUnavailable("redis ping failed") from exc

    async def aclose(self) -> None:
        await self._client.aclose()
