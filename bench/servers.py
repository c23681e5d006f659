"""The processes ``make bench`` measures: the service, the bare ceiling, the durable reference.

All three are served by uvicorn with the settings of ``pyloto-corp serve``, on loopback.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.load import processes

_TICK = os.sysconf("SC_CLK_TCK")


def service(folder: Path) -> processes.Proc:
    # Meta's top standard tier (1,000 messages/s per number), so that every reply is sent
    # inline and counted in the figure (at 80/s the excess would wait in the outbox).
    env = {
        "SQLITE_PATH": str(folder / "pyloto.sqlite3"),
        "EXPORT_LOCAL_DIR": str(folder / "x"),
        "OUTBOUND_RATE_PER_SECOND": "1000",
    }
    return processes.service(env, folder / "service.log")


def bare(folder: Path) -> processes.Proc:
    """A FastAPI endpoint that reads the body and answers: the bare ceiling."""
    proc = processes.Proc([], {}, log=folder / "bare.log")
    proc.args = [sys.executable, "-m", "bench.bare_app", str(proc.port)]
    return proc


def durable(folder: Path) -> processes.Proc:
    """HMAC + JSON + one SQLite (WAL) transaction + 200: the minimal durable webhook."""
    proc = processes.Proc([], {}, log=folder / "durable.log")
    proc.args = [sys.executable, "-m", "bench.durable_app", str(proc.port),
                 str(folder / "durable.sqlite3"), processes.SECRET]  # fmt: skip
    return proc


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _wait_ready(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=0.5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.005)
    raise TimeoutError(url)


def cold_start(folder: Path, runs: int = 5) -> tuple[float, int]:
    """(median seconds from Popen to the first 200 on /readyz, RSS after 2 s idle, KiB)."""
    times, rss = [], 0
    for n in range(runs):
        proc = service(folder / f"cold{n}")
        (folder / f"cold{n}").mkdir()
        began = time.monotonic()
        proc.proc = subprocess.Popen(proc.args, env={**os.environ, **proc.env},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                     start_new_session=True, cwd=processes.ROOT)  # fmt: skip
        _wait_ready(proc.url, began + 30)
        times.append(time.monotonic() - began)
        time.sleep(2)
        rss = max(rss, rss_kb(proc.proc.pid))
        proc.stop()
    return statistics.median(times), rss
