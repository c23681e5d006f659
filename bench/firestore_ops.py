"""Firestore document reads and writes per inbound text message, counted at the adapter.

The whole service runs in this process (the composition root, over ASGI) on the official
Firestore emulator; the adapter's OperationMeter counts each read and write the way
Firestore bills them. Each message is split into the turn (store it, run the engine,
commit its effects) and the delivery of its replies (marking them sent).
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field

import httpx

from bench.http_load import sign
from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.adapters.whatsapp.console_sender import ConsoleSender
from pyloto_corp.api.app import create_app
from pyloto_corp.application.handoffs.deliver import DeliverHandoffs
from pyloto_corp.bootstrap import Overrides, build_dependencies
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings
from tests.load import processes, traffic
from tests.support.firestore_emulator import PROJECT, FirestoreEmulator


@dataclass
class OpsFigures:
    turn: list[int] = field(default_factory=list)
    delivery: list[int] = field(default_factory=list)
    replies: list[int] = field(default_factory=list)
    reads: list[int] = field(default_factory=list)
    notices: list[int] = field(default_factory=list)  # per event told to the team

    def describe(self, values: list[int]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(len(ordered) * 0.95)]
        return (f"mean {statistics.mean(values):.2f}, median {statistics.median(values):g}, "
                f"p95 {p95}, max {ordered[-1]}")  # fmt: skip

    def typical(self) -> int:
        """The turn of a mid-conversation text message with exactly one reply (median)."""
        one = [t for t, r in zip(self.turn, self.replies, strict=True) if r == 1]
        return int(statistics.median(one)) if one else -1


def _settings() -> Settings:
    return Settings(_env_file=None, environment="test", storage_backend="firestore",
                    firestore_project_id=PROJECT, whatsapp_webhook_secret=processes.SECRET,
                    whatsapp_phone_number_id=processes.PNID, pepper_secret=processes.PEPPER,
                    outbox_retry_interval_seconds=0, recipient_max_messages=100,
                    outbound_rate_per_second=1000)  # fmt: skip


async def measure(people: int = 40, messages: int = 8) -> OpsFigures:
    emulator = FirestoreEmulator()
    emulator.start()
    os.environ["FIRESTORE_EMULATOR_HOST"] = emulator.host
    try:
        return await _run(people, messages)
    finally:
        emulator.stop()


async def _run(people: int, messages: int) -> OpsFigures:
    configure_logging(json_logs=False, level="WARNING")  # the figures, not 10,000 log lines
    storage = build_firestore_storage(PROJECT)
    meter = storage.operations
    assert meter is not None
    figures, in_delivery = OpsFigures(), [0, 0]
    original = storage.outbox.record_sent

    async def counted(*args, **kwargs):
        before = meter()
        await original(*args, **kwargs)
        after = meter()
        in_delivery[0] += after["reads"] + after["writes"] - before["reads"] - before["writes"]
        in_delivery[1] += len(args[0])  # the (item, wamid) pairs sent

    storage.outbox.record_sent = counted  # type: ignore[method-assign]
    deps = build_dependencies(_settings(), Overrides(storage=storage, sender=ConsoleSender()))
    app, told = create_app(deps), _told_apart(deps)
    plan = traffic.plan(people, messages, duplicate=0, reorder=0)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:  # fmt: skip
        for own in plan.people:
            for delivery in own:
                await _one(client, delivery.body, meter, in_delivery, figures)
                await _tell_team(told, meter, figures)
    return figures


def _told_apart(deps) -> tuple[DeliverHandoffs, list]:
    """The team's notices are delivered in the background right after a turn; here they wait
    until the turn is counted and are counted apart (per event), not on whichever turn was
    running when they happened to go out."""
    handoffs = next(hook.__self__ for hook in deps.on_shutdown
                    if isinstance(getattr(hook, "__self__", None), DeliverHandoffs))  # fmt: skip
    waiting: list = []
    handoffs.soon = waiting.extend  # type: ignore[method-assign]
    return handoffs, waiting


async def _tell_team(told: tuple[DeliverHandoffs, list], meter, figures: OpsFigures) -> None:
    handoffs, waiting = told
    for event in waiting:
        before = meter()
        await handoffs.deliver([event])
        after = meter()
        figures.notices.append(after["reads"] + after["writes"] - before["reads"]
                               - before["writes"])  # fmt: skip
    waiting.clear()


async def _one(client, body: bytes, meter, in_delivery: list[int], figures: OpsFigures) -> None:
    before, in_delivery[:] = meter(), [0, 0]
    signature = sign(body, processes.SECRET.encode())
    answer = await client.post("/webhooks/whatsapp", content=body,
                               headers={"X-Hub-Signature-256": signature})  # fmt: skip
    assert answer.status_code == 200, answer.text
    after = meter()
    total = after["reads"] + after["writes"] - before["reads"] - before["writes"]
    figures.turn.append(total - in_delivery[0])
    figures.delivery.append(in_delivery[0])
    figures.replies.append(in_delivery[1])
    figures.reads.append(after["reads"] - before["reads"])
