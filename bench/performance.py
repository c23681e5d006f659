"""Issue 9's figures, side by side in one run: ``make bench`` (or ``python -m bench.performance``).

1. Throughput and latency of one service process with the embedded backends (SQLite,
   memory dedupe, console sender, JSON logs at INFO to a file), closed loop, against a
   bare FastAPI endpoint on the same uvicorn (the ceiling).
2. Latency at a steady 200 messages/s (open loop).
3. Cold start (process start to the first 200 on /readyz) and idle RSS.
4. Firestore reads and writes per inbound text message, counted at the adapter.
5. Classifier messages/s.

Traffic: signed text webhooks from the scenario conversations, many people, each
person's messages spread over the run (nobody writes 8 messages in a second).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench import firestore_ops
from bench.http_load import LoadResult, closed_loop, open_loop, signed_request
from tests.load import processes, traffic

GOALS = {"throughput": 1000, "ratio": 0.40, "p99_ms_at_200": 25.0, "firestore_ops": 6,
         "cold_start_s": 1.5, "read_turn_ms": 1.0}  # fmt: skip


def requests_for(people: int, messages: int, seed: int) -> list[bytes]:
    """Round robin over people: message n of everyone, then message n + 1."""
    plan = traffic.plan(people, messages, duplicate=0, reorder=0, seed=seed)
    secret = processes.SECRET.encode()
    rounds = [[own[n] for own in plan.people if n < len(own)] for n in range(messages)]
    return [signed_request("/webhooks/whatsapp", d.body, secret) for r in rounds for d in r]


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
    proc = processes.Proc([], {}, log=folder / "bare.log")
    proc.args = [sys.executable, "-m", "bench.bare_app", str(proc.port)]
    return proc


def _wait_ready(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=0.5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.005)
    raise TimeoutError(url)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


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


def run_load(proc: processes.Proc, warmup: list[bytes], load: list[bytes], **how) -> LoadResult:
    proc.start("/readyz")
    try:
        asyncio.run(closed_loop(proc.port, warmup, 16))
        if "rate" in how:
            return asyncio.run(open_loop(proc.port, load, how["rate"]))
        return asyncio.run(closed_loop(proc.port, load, how.get("concurrency", 32)))
    finally:
        proc.stop()


def median_of(script: str, label: str) -> float:
    """The median another bench script prints ("classify: median 12,000 msg/s ...")."""
    out = subprocess.run([sys.executable, f"bench/{script}"], capture_output=True,
                         text=True, check=True, cwd=processes.ROOT).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith(f"{label}:"))
    return float(line.split("median ")[1].split(" ")[0].replace(",", ""))


def measure(folder: Path, people: int, messages: int, skip_firestore: bool = False) -> dict:
    warm = requests_for(400, 2, seed=1)
    load = requests_for(people, messages, seed=2)
    ceiling = run_load(bare(folder), warm, load)
    (folder / "tp").mkdir()
    mine = run_load(service(folder / "tp"), warm, load)
    (folder / "steady").mkdir()
    steady = run_load(service(folder / "steady"), warm, requests_for(1500, 2, seed=3), rate=200)
    started, rss = cold_start(folder)
    ops = asyncio.run(firestore_ops.measure()) if not skip_firestore else None
    return {
        "bare": ceiling,
        "service": mine,
        "steady": steady,
        "cold_start": started,
        "rss_kb": rss,
        "ops": ops,
        "classify": median_of("classify_bench.py", "classify"),
        "read_turn_ms": median_of("turns_bench.py", "read-turn"),
        "requests": len(load),
    }


def report(f: dict) -> list[str]:
    bare, mine, steady, ops = f["bare"], f["service"], f["steady"], f["ops"]
    ratio = mine.rate / bare.rate
    ms = lambda r, p: f"{r.percentile(p) * 1000:.1f} ms"  # noqa: E731
    ok = lambda good: "✅" if good else "❌"  # noqa: E731
    return [
        "| medida | valor | meta |",
        "|---|---|---|",
        f"| endpoint FastAPI puro (teto), mesmo uvicorn | {bare.rate:,.0f} req/s, p50 "
        f"{ms(bare, 0.5)}, p99 {ms(bare, 0.99)} | — |",
        f"| webhook do serviço, backends embutidos, 1 processo | {mine.rate:,.0f} msg/s, p50 "
        f"{ms(mine, 0.5)}, p99 {ms(mine, 0.99)} ({mine.ok}/{f['requests']} com 200) "
        f"| ≥ {GOALS['throughput']:,} {ok(mine.rate >= GOALS['throughput'])} |",
        f"| razão serviço / teto | {ratio:.0%} | ≥ 40% {ok(ratio >= GOALS['ratio'])} |",
        f"| latência a 200 msg/s constantes | p50 {ms(steady, 0.5)}, p99 {ms(steady, 0.99)} "
        f"| p99 ≤ 25 ms {ok(steady.percentile(0.99) * 1000 <= GOALS['p99_ms_at_200'])} |",
        *(_ops_lines(ops, ok) if ops is not None else []),
        f"| partida a frio (até o 1º 200 em /readyz), mediana de 5 | {f['cold_start']:.2f} s "
        f"| ≤ 1,5 s {ok(f['cold_start'] <= GOALS['cold_start_s'])} |",
        f"| memória parada (RSS) | {f['rss_kb'] / 1024:.0f} MiB | — |",
        f"| classificador | {f['classify']:,.0f} msg/s | — |",
        f"| leitura de um turno (atos de diálogo), mediana | {f['read_turn_ms']:.3f} ms "
        f"| ≤ 1 ms {ok(f['read_turn_ms'] <= GOALS['read_turn_ms'])} |",
    ]


def _ops_lines(ops: firestore_ops.OpsFigures, ok) -> list[str]:
    total = [t + d for t, d in zip(ops.turn, ops.delivery, strict=True)]
    return [
        f"| Firestore por mensagem de texto: o turno (gravar, decidir, efeitos) | "
        f"{ops.describe(ops.turn)}; típico (texto no meio da conversa, 1 resposta) "
        f"{ops.typical()} | ≤ 6 {ok(ops.typical() <= GOALS['firestore_ops'])} |",
        f"| Firestore por mensagem: marcar as respostas como enviadas | "
        f"{ops.describe(ops.delivery)} | — |",
        f"| Firestore por mensagem: tudo (turno + envio) | {ops.describe(total)} | — |",
        f"| Firestore por mensagem: das quais leituras | {ops.describe(ops.reads)} | — |",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.performance")
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--messages", type=int, default=4)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--no-firestore", action="store_true", help="skip the emulator part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyloto-bench-") as temp:
        figures = measure(Path(temp), args.people, args.messages, args.no_firestore)
    print("\n".join(report(figures)))
    if args.json:
        raw = {k: (v.rate if isinstance(v, LoadResult) else v) for k, v in figures.items()
               if k != "ops"}  # fmt: skip
        Path(args.json).write_text(json.dumps(raw, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
