"""Meta's side of a load run: signed deliveries, retried until an instance answers 200.

Like Meta, a delivery that gets anything but 200 (a 503 while Redis or Firestore is down,
a cut connection from a killed instance) is sent again with growing waits, to the next
instance. People run concurrently (in bursts); a duplicate delivery is fired without
waiting, so it often overlaps the first one.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import random
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from tests.load.processes import SECRET
from tests.load.traffic import Delivery, Traffic

PATH = "/webhooks/whatsapp"


@dataclass
class DeliveryStats:
    attempts: int = 0
    answers: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # of the 200s
    given_up: int = 0
    elapsed: float = 0.0
    slowest: tuple[float, list[str]] = (0.0, [])  # seconds to a 200, and the answers on the way


class MetaSimulator:
    def __init__(self, urls: list[str], *, give_up_after: float = 120.0, bursts: int = 4) -> None:
        self.urls, self.give_up_after, self.bursts = list(urls), give_up_after, bursts
        self.stats = DeliveryStats()
        self._next = itertools.cycle(range(len(urls)))
        self._client = httpx.AsyncClient(timeout=30.0,
                                         limits=httpx.Limits(max_connections=256))  # fmt: skip

    async def run(self, traffic: Traffic) -> DeliveryStats:
        began, spawned = time.monotonic(), []
        waves = [traffic.people[n :: self.bursts] for n in range(self.bursts)]
        for wave in waves:  # a burst: the whole wave starts at once
            await asyncio.gather(*(self._person(own, spawned) for own in wave))
        await asyncio.gather(*spawned)
        self.stats.elapsed = time.monotonic() - began
        await self._client.aclose()
        return self.stats

    async def _person(self, own: list[Delivery], spawned: list) -> None:
        for delivery in own:
            if delivery.duplicate:
                spawned.append(asyncio.ensure_future(self.deliver(delivery.body)))
            else:
                await self.deliver(delivery.body)

    async def deliver(self, raw: bytes) -> bool:
        """Until a 200 (True) or ``give_up_after`` seconds (False: Meta would drop it)."""
        signature = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
        headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
        began, attempt, seen = time.monotonic(), 0, []
        deadline = began + self.give_up_after
        while time.monotonic() < deadline:
            url = self.urls[next(self._next)] + PATH
            self.stats.attempts += 1
            started = time.perf_counter()
            try:
                answer = await self._client.post(url, content=raw, headers=headers)
                outcome = str(answer.status_code)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            self.stats.answers[outcome] += 1
            seen.append(outcome)
            if outcome == "200":
                self.stats.latencies.append(time.perf_counter() - started)
                took = time.monotonic() - began
                if took > self.stats.slowest[0]:
                    self.stats.slowest = (took, seen[-12:])
                return True
            if outcome == "ConnectError":  # a dead instance: the load balancer routes around it
                continue
            attempt += 1
            await asyncio.sleep(min(2.0, 0.05 * 2 ** min(attempt, 6)) * random.uniform(0.5, 1))
        self.stats.given_up += 1
        return False
