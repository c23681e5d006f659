"""Issue 24's figures, side by side in one run: ``make bench`` (``python -m bench.performance``).

1. Throughput, latency and CPU time per message of one service process with the embedded
   backends (SQLite, memory dedupe, console sender, JSON logs at INFO to a file), closed
   loop, against two references on the same uvicorn: the bare FastAPI endpoint and the
   minimal durable webhook (HMAC + JSON + one SQLite WAL transaction + 200).
2. Latency at a steady 200 messages/s (open loop).
3. Cold start (process start to the first 200 on /readyz) and idle RSS.
4. Firestore reads and writes per inbound text message, counted at the adapter.
5. Classifier messages/s and the median cost of reading a turn.

Traffic: signed text webhooks from the scenario conversations, many people, each
person's messages spread over the run (nobody writes 8 messages in a second).
``--rounds N`` repeats the three throughput runs N times, interleaved, and reports medians.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import firestore_ops, servers
from bench.http_load import LoadResult, closed_loop, open_loop, signed_request
from bench.report import report
from tests.load import processes, traffic


def requests_for(people: int, messages: int, seed: int) -> list[bytes]:
    """Round robin over people: message n of everyone, then message n + 1."""
    plan = traffic.plan(people, messages, duplicate=0, reorder=0, seed=seed)
    secret = processes.SECRET.encode()
    rounds = [[own[n] for own in plan.people if n < len(own)] for n in range(messages)]
    return [signed_request("/webhooks/whatsapp", d.body, secret) for r in rounds for d in r]


def run_load(proc: processes.Proc, warmup: list[bytes], load: list[bytes], **how) -> LoadResult:
    proc.start("/readyz")
    try:
        asyncio.run(closed_loop(proc.port, warmup, 16))
        began = servers.cpu_seconds(proc.proc.pid)
        if "rate" in how:
            result = asyncio.run(open_loop(proc.port, load, how["rate"]))
        else:
            result = asyncio.run(closed_loop(proc.port, load, how.get("concurrency", 32)))
        result.cpu_seconds = servers.cpu_seconds(proc.proc.pid) - began
        return result
    finally:
        proc.stop()


def median_of(script: str, label: str) -> float:
    """The median another bench script prints ("classify: median 12,000 msg/s ...")."""
    out = subprocess.run([sys.executable, f"bench/{script}"], capture_output=True,
                         text=True, check=True, cwd=processes.ROOT).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith(f"{label}:"))
    return float(line.split("median ")[1].split(" ")[0].replace(",", ""))


def _server(name: str, folder: Path, baseline: str | None) -> processes.Proc:
    if name != "baseline":
        return getattr(servers, name)(folder)
    proc = servers.service(folder)  # the same service from another source tree
    proc.env["PYTHONPATH"] = baseline or ""
    return proc


def throughput(
    folder: Path, load: list[bytes], rounds: int, baseline: str | None = None
) -> dict[str, LoadResult]:
    """Bare, durable and service, one after the other, ``rounds`` times; the median run.

    ``baseline``: a copy of ``src`` (another version of the code), run beside the service.
    """
    warm = requests_for(400, 2, seed=1)
    names = ["bare", "durable", "service", *(["baseline"] if baseline else [])]
    runs: dict[str, list[LoadResult]] = {name: [] for name in names}
    for n in range(rounds):
        for name, runs_of in runs.items():
            (folder / f"{name}{n}").mkdir()
            proc = _server(name, folder / f"{name}{n}", baseline)
            runs_of.append(run_load(proc, warm, load))
            print(f"round {n + 1} {name}: {runs_of[-1].rate:,.0f}/s, "
                  f"{runs_of[-1].cpu_ms:.2f} ms CPU", file=sys.stderr, flush=True)  # fmt: skip
    return {k: sorted(v, key=lambda r: r.rate)[len(v) // 2] for k, v in runs.items()}


def measure(folder: Path, args: argparse.Namespace) -> dict:
    load = requests_for(args.people, args.messages, seed=2)
    runs = throughput(folder, load, args.rounds, args.baseline_src)
    figures: dict = {**runs, "requests": len(load)}
    if args.quick:
        return figures
    (folder / "steady").mkdir()
    warm = requests_for(400, 2, seed=1)
    steady = requests_for(1500, 2, seed=3)
    figures["steady"] = run_load(servers.service(folder / "steady"), warm, steady, rate=200)
    figures["cold_start"], figures["rss_kb"] = servers.cold_start(folder)
    figures["ops"] = None if args.no_firestore else asyncio.run(firestore_ops.measure())
    figures["classify"] = median_of("classify_bench.py", "classify")
    figures["read_turn_ms"] = median_of("turns_bench.py", "read-turn")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.performance")
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--messages", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=1, help="throughput runs (median)")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--no-firestore", action="store_true", help="skip the emulator part")
    parser.add_argument("--baseline-src", metavar="DIR", help="also run the service from DIR")
    parser.add_argument("--quick", action="store_true", help="throughput and ratios only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyloto-bench-") as temp:
        figures = measure(Path(temp), args)
    print("\n".join(report(figures)))
    if args.json:
        raw = {k: ({"rate": v.rate, "cpu_ms": v.cpu_ms} if isinstance(v, LoadResult) else v)
               for k, v in figures.items() if k != "ops"}  # fmt: skip
        Path(args.json).write_text(json.dumps(raw, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
