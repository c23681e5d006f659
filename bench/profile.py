"""Where the service's CPU goes under the throughput load (figures, not a test).

``.venv/bin/python -m bench.profile`` starts ``pyloto-corp serve`` as ``make bench`` does,
records it with py-spy (``pip install py-spy``; not in the locks, a profiling tool) during a
closed loop of 10,000 signed text messages and prints the share of the samples by part of
the code, each sample counted for the innermost frame that belongs to a part.
"""

from __future__ import annotations

import asyncio
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import servers
from bench.http_load import closed_loop
from bench.performance import requests_for

PARTS = (
    ("SQLite (adaptador, comandos, commits)", r"sqlite3|adapters/storage/sqlite"),
    ("compreensão + linguagem + motor", r"domain/(understanding|language|engine)"),
    ("documentos (adapters/storage)", r"adapters/storage"),
    ("logs (structlog)", r"structlog|infra/logging"),
    ("JSON", r"orjson|/json/"),
    ("hash da auditoria e HMAC", r"hashlib|hmac|domain/audit|api/signature"),
    ("webhook, envelope, entrada", r"pyloto_corp/api|application/inbound|adapters/whatsapp"),
    ("aplicação (turno, entrega, saída)", r"pyloto_corp/(application|domain|adapters)"),
    ("FastAPI/Starlette", r"starlette|fastapi"),
    ("uvicorn/asyncio/httptools", r"uvicorn|asyncio|uvloop|httptools"),
)


def shares(raw: Path) -> list[tuple[str, float]]:
    rules = [(name, re.compile(pattern)) for name, pattern in PARTS]
    counts: collections.Counter[str] = collections.Counter()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        part = next((name for frame in reversed(stack.split(";"))
                     for name, rule in rules if rule.search(frame)), "outros")  # fmt: skip
        counts[part] += int(count)
    total = sum(counts.values()) or 1
    return [(name, count / total) for name, count in counts.most_common()]


def main() -> int:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        sys.stderr.write("py-spy não encontrado: .venv/bin/pip install py-spy\n")
        return 2
    folder = Path(tempfile.mkdtemp())
    proc, raw = servers.service(folder), folder / "profile.txt"
    proc.start("/readyz")
    try:
        asyncio.run(closed_loop(proc.port, requests_for(200, 4, 1), 16))
        record = subprocess.Popen([spy, "record", "-r", "200", "--format", "raw", "-o", str(raw),
                                   "--pid", str(proc.proc.pid), "--nonblocking"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        asyncio.run(closed_loop(proc.port, requests_for(2500, 4, 2), 32))
        record.send_signal(2)
        record.wait(30)
    finally:
        proc.stop()
    for name, share in shares(raw):
        print(f"{name:40} {share:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
