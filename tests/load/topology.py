"""The two setups of a load run and the faults they can suffer.

``embedded``: one service process on SQLite with memory dedupe. ``cluster``: two service
processes sharing the Firestore emulator (through a cuttable proxy) and a real Redis.
Both send through the fake Meta (its own process), which calls back with statuses.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import httpx

from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.storage import Storage
from tests.load import processes
from tests.load.tcp_proxy import CuttableProxy
from tests.support.firestore_emulator import PROJECT, FirestoreEmulator
from tests.support.processes import RedisServer

# "kill-silent": a process killed while Meta sends no status webhook at all (withheld).
FAULTS = ("redis", "firestore", "graph", "kill", "kill-silent")
GRAPH_BURSTS = [
    {"status": 500, "count": 40},
    {"status": 429, "code": 130429, "count": 30},
    {"status": 400, "code": 131056, "count": 30},
    {"timeout": 2.5, "count": 25},  # accepted, answered after the sender gave up
]
# Time is compressed (a person's 20 s become milliseconds), so the waits are too.
TUNING = {"OUTBOX_RETRY_INTERVAL_SECONDS": "0.5", "OUTBOX_LEASE_SECONDS": "5",
          "OUTBOX_BACKOFF_SCALE": "0.05", "DEDUPE_LEASE_SECONDS": "5",
          "RECIPIENT_MAX_MESSAGES": "100", "OUTBOUND_RATE_PER_SECOND": "1000",
          "GRAPH_TIMEOUT_SECONDS": "1", "OUTBOX_UNCERTAIN_WAIT_SECONDS": "15"}  # fmt: skip
UNCERTAIN_WAIT = float(TUNING["OUTBOX_UNCERTAIN_WAIT_SECONDS"])


class Topology:
    def __init__(
        self, kind: str, workdir: Path, instances: int | None = None, *, silent: bool = False
    ) -> None:
        self.kind, self.workdir, self.silent = kind, workdir, silent
        self.instances = instances or (2 if kind == "cluster" else 1)
        self.redis = RedisServer() if kind == "cluster" else None
        self.emulator = FirestoreEmulator() if kind == "cluster" else None
        self.proxy: CuttableProxy | None = None
        self.services: list[processes.Proc] = []
        self.meta: processes.Proc | None = None
        self.startup: list[float] = []
        self.events: list[str] = []
        self.fault_failed = False

    def start(self) -> None:
        env = {**TUNING, **self._backends()}
        self.services = [processes.service(dict(env), self.workdir / f"service{n}.log")
                         for n in range(self.instances)]  # fmt: skip
        self.meta = processes.fake_meta([s.url for s in self.services], self.workdir / "meta.log")
        for service in self.services:
            service.env |= {"SENDER_BACKEND": "graph", "GRAPH_API_BASE_URL": self.meta.url,
                            "WHATSAPP_ACCESS_TOKEN": "EAAloadtestonly0123456789"}  # fmt: skip
        self.meta.start("/_stats")
        if self.silent:  # before any send: no status ever settles an uncertain reply
            httpx.post(self.meta.url + "/_fault", json={"withhold_statuses": True}, timeout=10)
        self.startup = [s.start("/readyz") for s in self.services]

    def _backends(self) -> dict[str, str]:
        if self.kind == "embedded":
            path = self.workdir / "pyloto.sqlite3"
            return {"STORAGE_BACKEND": "sqlite", "SQLITE_PATH": str(path),
                    "DEDUPE_BACKEND": "memory"}  # fmt: skip
        assert self.redis is not None and self.emulator is not None
        self.redis.start()
        self.emulator.start()
        self.proxy = CuttableProxy(self.emulator.port).start()
        return {"STORAGE_BACKEND": "firestore", "FIRESTORE_PROJECT_ID": PROJECT,
                "FIRESTORE_EMULATOR_HOST": self.proxy.host, "DEDUPE_BACKEND": "redis",
                "REDIS_URL": self.redis.url}  # fmt: skip

    def storage(self) -> Storage:
        """The store, read directly (never through the proxy), for the checks."""
        if self.kind == "embedded":
            return build_sqlite_storage(self.workdir / "pyloto.sqlite3")
        assert self.emulator is not None
        os.environ["FIRESTORE_EMULATOR_HOST"] = self.emulator.host
        return build_firestore_storage(PROJECT)

    @property
    def urls(self) -> list[str]:
        return [s.url for s in self.services]

    def graph_stats(self) -> dict:
        assert self.meta is not None
        return httpx.get(self.meta.url + "/_stats", timeout=10).json()

    async def inflict(self, fault: str, hold: float) -> None:
        """The fault, for ``hold`` seconds (a killed instance stays dead)."""
        began = time.monotonic()
        self.events.append(f"{fault}: start")
        if fault == "redis" and self.redis is not None:
            self.redis.stop()
            await asyncio.sleep(hold)
            self.redis.start()
        elif fault == "firestore" and self.proxy is not None and self.emulator is not None:
            await self._restart_firestore(hold)
        elif fault == "graph":
            assert self.meta is not None
            async with httpx.AsyncClient(timeout=10) as client:
                for burst in GRAPH_BURSTS:
                    await client.post(self.meta.url + "/_fault", json=burst)
        elif fault in ("kill", "kill-silent"):
            self.services[0].kill()
        else:
            raise ValueError(f"fault {fault!r} does not apply to the {self.kind} setup")
        self.events.append(f"{fault}: over after {time.monotonic() - began:.1f}s")

    async def _restart_firestore(self, hold: float) -> None:
        """Cut the services off, save the data, stop, wait, start from the data, reconnect."""
        assert self.proxy is not None and self.emulator is not None
        self.proxy.cut()
        try:
            seed = await asyncio.to_thread(self.emulator.export, self.workdir / "export")
            self.emulator.stop()
            self.events.append("firestore: emulator stopped")
            await asyncio.sleep(hold)
            await asyncio.to_thread(self.emulator.start, seed)
            self.events.append("firestore: emulator restarted from its export")
        finally:
            self.proxy.resume()

    def stop(self) -> None:
        for proc in [*self.services, self.meta]:
            if proc is not None:
                proc.stop()
        for part in (self.proxy, self.emulator, self.redis):
            if part is not None:
                part.stop()
