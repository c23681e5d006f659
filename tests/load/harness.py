"""One load run: start a setup, replay the people through Meta, fault it, drain, verify.

After the traffic, the harness waits for the outbox to drain (every reply sent or
settled, Meta's statuses delivered), then runs the real sweep with the real clock: the
people wrote hours ago (see ``traffic``), so this is the final clock advance that closes
every session. Then it checks what the store and the fake Meta hold (``checks``).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pyloto_corp.bootstrap import build_sweep
from pyloto_corp.infra.settings import Settings
from tests.load import checks, processes, traffic
from tests.load.meta_sim import DeliveryStats, MetaSimulator
from tests.load.topology import UNCERTAIN_WAIT, Topology

DRAIN_SECONDS = 90.0


@dataclass
class RunConfig:
    workdir: Path
    topology: str = "embedded"
    people: int = 200
    messages: int = 8
    fault: str | None = None
    fault_at: float = 0.35  # share of the first deliveries answered before the fault
    hold: float = 4.0
    seed: int = 7


@dataclass
class RunReport:
    config: RunConfig
    findings: checks.Findings
    delivery: DeliveryStats
    traffic: traffic.Traffic
    startup: list[float] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    drained: bool = True
    swept: dict = field(default_factory=dict)

    fault_failed: bool = False

    @property
    def green(self) -> bool:
        clean = not self.findings.problems and not self.delivery.given_up
        return self.drained and clean and not self.fault_failed


async def run(config: RunConfig) -> RunReport:
    plan = traffic.plan(config.people, config.messages, seed=config.seed)
    silent = config.fault == "kill-silent"
    setup = Topology(config.topology, config.workdir, silent=silent)
    try:
        setup.start()
        meta = MetaSimulator(setup.urls)
        faulting = asyncio.ensure_future(_fault_when_due(setup, meta, plan, config))
        stats = await meta.run(plan)
        await faulting
        drained = await _drain(setup)
        storage = setup.storage()
        try:
            swept = await _sweep(storage)
            findings = await checks.check(storage, plan, _pepper(), setup.graph_stats(),
                                          silent=silent)  # fmt: skip
        finally:
            await storage.close()
    finally:
        setup.stop()
    return RunReport(config, findings, stats, plan, setup.startup, setup.events, drained, swept,
                     setup.fault_failed)  # fmt: skip


async def _fault_when_due(setup: Topology, meta: MetaSimulator, plan, config: RunConfig) -> None:
    if config.fault is None:
        return
    target = int(plan.deliveries * config.fault_at)
    while meta.stats.answers["200"] < target:  # noqa: ASYNC110 - polling a counter
        await asyncio.sleep(0.05)
    try:
        await setup.inflict(config.fault, config.hold)
    except Exception as exc:  # noqa: BLE001 - a fault that could not be staged fails the run
        setup.events.append(f"{config.fault}: could not be staged: {exc!r}")
        setup.fault_failed = True


async def _drain(setup: Topology) -> bool:
    """Until no reply waits and every status reached the service (or DRAIN_SECONDS)."""
    storage, deadline = setup.storage(), time.monotonic() + DRAIN_SECONDS
    far = datetime.now(UTC) + timedelta(days=1)
    try:
        while time.monotonic() < deadline:
            pending = await storage.outbox.list_due(far, limit=1)
            if not pending and setup.graph_stats()["pending_statuses"] == 0:
                return True
            await asyncio.sleep(0.5)
    finally:
        await storage.close()
    return False


async def _sweep(storage) -> dict:
    """The sweep as it runs once every session went idle: turns happen on the service's
    clock (when received), so the sweep's clock is moved past the inactivity timeout."""
    settings = Settings(_env_file=None)
    later = timedelta(minutes=settings.session_timeout_minutes + 1)
    sweep = build_sweep(settings, storage, clock=lambda: datetime.now(UTC) + later)
    return (await sweep.run(max_batches=1000)).to_dict()


def _pepper() -> bytes:
    return processes.PEPPER.encode()


def figures(report: RunReport) -> list[str]:
    """The run as lines of figures (what ``make load`` prints)."""
    c, f, d, t = report.config, report.findings, report.delivery, report.traffic
    lat = sorted(d.latencies) or [0.0]
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    rate = t.deliveries / d.elapsed if d.elapsed else 0.0
    return [
        f"setup: {c.topology} ({len(report.startup)} service process(es)), fault: {c.fault or '-'}"
        f", people: {c.people} x {c.messages} messages",
        f"deliveries: {t.deliveries} ({t.duplicates} duplicated, {t.reordered} pairs reordered)"
        f"; attempts: {d.attempts}; answers: {dict(sorted(d.answers.items()))}"
        f"; given up: {d.given_up}",
        f"time: {d.elapsed:.1f} s, {rate:.0f} deliveries/s; 200s p50 "
        f"{statistics.median(lat) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms; slowest delivery "
        f"{d.slowest[0]:.1f} s (last answers {d.slowest[1]})",
        f"inbound messages: sent {f.inbound_sent}, stored {f.inbound_stored} (exactly once: "
        f"{'yes' if f.inbound_sent == f.inbound_stored and not _about(f, 'inbound') else 'NO'})",
        f"sessions: {f.sessions}, closed {f.sessions_closed} with one outcome each "
        f"(sweep closed {report.swept.get('closed', 0)}); {dict(sorted(f.outcomes.items()))}",
        f"replies: {f.outbox_items} items, sent {f.outbox_sent}, failed {f.outbox_failed}, "
        f"pending {f.outbox_pending}; Meta got {f.graph_sends} sends, {f.graph_doubled} doubled"
        f" ({f.graph_doubled_within_wait} within the {UNCERTAIN_WAIT:g} s uncertain wait"
        f"{'; statuses withheld' if c.fault == 'kill-silent' else ''})",
        f"audit chains: {f.chains_valid}/{f.chains} valid; drained: {report.drained}",
        f"fake Meta: {dict(sorted(f.graph_faults.items()))}",
        *(f"event: {e}" for e in report.events),
        *(f"PROBLEM: {p}" for p in f.problems),
        f"verdict: {'GREEN' if report.green else 'RED'}",
    ]


def summary(report: RunReport) -> dict:
    """The run's figures as one JSON-ready object (``--json``)."""
    f, d = report.findings, report.delivery
    return {"setup": report.config.topology, "fault": report.config.fault,
            "green": report.green, "drained": report.drained, "answers": dict(d.answers),
            "given_up": d.given_up, "inbound_sent": f.inbound_sent,
            "inbound_stored": f.inbound_stored, "sessions": f.sessions,
            "sessions_closed": f.sessions_closed, "outbox_sent": f.outbox_sent,
            "outbox_failed": f.outbox_failed, "outbox_pending": f.outbox_pending,
            "graph_sends": f.graph_sends, "graph_doubled": f.graph_doubled,
            "graph_doubled_within_wait": f.graph_doubled_within_wait,
            "graph_faults": f.graph_faults, "chains_valid": f.chains_valid,
            "chains": f.chains, "events": report.events, "problems": f.problems}  # fmt: skip


def _about(findings: checks.Findings, word: str) -> bool:
    return any(word in p for p in findings.problems)
