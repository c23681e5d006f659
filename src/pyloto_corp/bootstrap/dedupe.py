"""Dedupe wiring: Redis (shared by every instance) or memory (one process)."""

from __future__ import annotations

from redis.asyncio import Redis

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.adapters.dedupe.redis import RedisDedupeGate
from pyloto_corp.api.dependencies import ShutdownHook
from pyloto_corp.application.ports import DedupeGate
from pyloto_corp.infra.settings import Settings

REDIS_TIMEOUT_SECONDS = 2.0


def build_dedupe(settings: Settings) -> tuple[DedupeGate, tuple[ShutdownHook, ...]]:
    if settings.dedupe_backend == "redis":
        client = Redis.from_url(
            settings.redis_url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        gate = RedisDedupeGate(
            client,
            lease_seconds=settings.dedupe_lease_seconds,
            done_ttl_seconds=settings.dedupe_done_ttl_seconds,
        )
        return gate, (gate.aclose,)
    memory = MemoryDedupeGate(
        lease_seconds=settings.dedupe_lease_seconds,
        done_ttl_seconds=settings.dedupe_done_ttl_seconds,
        max_entries=settings.dedupe_memory_max_entries,
    )
    return memory, ()
