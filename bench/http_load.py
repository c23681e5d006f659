"""A small, fast HTTP/1.1 load generator on raw asyncio streams (keep-alive connections).

Requests are prepared bytes (signed webhooks), so the generator spends its time sending,
not building: on this machine it drives ~5,000 requests/s from one core, more than the
server under test can take, so the figures are the server's. Closed loop (``concurrency``
connections, each sending its next request when the answer comes) measures throughput;
open loop (a fixed ``rate``) measures latency from each request's scheduled time, so a
slow answer cannot hide the requests queued behind it.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    cpu_seconds: float = 0.0  # the server's CPU time during the run (filled by the caller)

    @property
    def ok(self) -> int:
        return self.statuses[200]

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    @property
    def cpu_ms(self) -> float:
        """The server's CPU time per answered request, in milliseconds."""
        return self.cpu_seconds * 1000 / self.ok if self.ok else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def sign(body: bytes, secret: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signed_request(path: str, body: bytes, secret: bytes) -> bytes:
    signature = sign(body, secret)
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nX-Hub-Signature-256: {signature}\r\n\r\n")  # fmt: skip
    return head.encode() + body


async def _answer(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def closed_loop(port: int, requests: list[bytes], concurrency: int) -> LoadResult:
    result, queue = LoadResult(), list(reversed(requests))

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            request, began = queue.pop(), time.perf_counter()
            writer.write(request)
            result.statuses[await _answer(reader)] += 1
            result.latencies.append(time.perf_counter() - began)
        writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.elapsed = time.perf_counter() - began
    return result


async def open_loop(port: int, requests: list[bytes], rate: float, pool: int = 64) -> LoadResult:
    """Request n goes out at n / rate seconds; its latency counts from that moment."""
    result = LoadResult()
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(pool)]
    idle: asyncio.Queue = asyncio.Queue()
    for connection in connections:
        idle.put_nowait(connection)
    start = time.perf_counter()

    async def one(n: int, request: bytes) -> None:
        due = start + n / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        reader, writer = await idle.get()
        writer.write(request)
        result.statuses[await _answer(reader)] += 1
        result.latencies.append(time.perf_counter() - due)
        idle.put_nowait((reader, writer))

    await asyncio.gather(*(one(n, r) for n, r in enumerate(requests)))
    result.elapsed = time.perf_counter() - start
    for _, writer in connections:
        writer.close()
    return result
