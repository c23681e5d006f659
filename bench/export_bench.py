"""Export cost on this machine: `make bench-export` (not a test, prints figures).

Renders conversations of growing size in both formats, and runs the whole use case
(SQLite reads, chain verification, render, local create-only write, audit append).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.records.audit_trail import AuditTrail
from pyloto_corp.application.records.export_conversation import (
    ExportConversationUseCase,
    ExportRequest,
)
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.timezone import bundled_zone

PEPPER, PHONE = b"bench-pepper-0123456789abcdef0123", "+5542999990001"
T0 = datetime(2026, 11, 23, 12, tzinfo=UTC)
TEXT = "Oi, quero um sistema para a minha padaria, com pedidos pelo WhatsApp e estoque. " * 3
SIZES, ROUNDS = (100, 1_000, 5_000), 5


async def seed(storage, key: str, count: int) -> None:
    trail = AuditTrail(storage.audit)
    for n in range(count):
        at = T0 + timedelta(seconds=n)
        direction = Direction.IN if n % 2 == 0 else Direction.OUT
        await storage.conversations.append_message(
            StoredMessage(key, f"wamid.{n}", direction, "text", at, at, text=TEXT)
        )
        await trail.record(AuditEvent(f"e{n}", key, at.isoformat(), "Otto", "USER_CONTACT", "x"))


async def measure(count: int, folder: Path) -> None:
    storage = build_sqlite_storage(folder / f"{count}.sqlite3")
    key = user_key_for_phone(PEPPER, PHONE)
    await seed(storage, key, count)
    ticks = iter(range(10**6))
    exporter = ExportConversationUseCase(
        storage, LocalFolderExportSink(folder / f"exports-{count}"), pepper=PEPPER,
        clock=lambda: T0 + timedelta(days=1, milliseconds=next(ticks)),
        new_id=lambda: str(next(ticks)), zone=bundled_zone("America/Sao_Paulo"),
    )  # fmt: skip
    for fmt in ExportFormat:
        times, size = [], 0
        for _ in range(ROUNDS):
            began = time.perf_counter()
            result = await exporter.execute(ExportRequest(Subject(PHONE), fmt, "bench", "bench"))
            times.append((time.perf_counter() - began) * 1000)
            size = len(result.data)
        median = statistics.median(times)
        line = f"{count:>6} messages + {count} audit events, {fmt.value}: median {median:8.1f} ms"
        print(f"{line}, file {size / 1024:8.0f} KiB")
    await storage.close()


def main() -> int:
    configure_logging(json_logs=False, level="WARNING")
    with tempfile.TemporaryDirectory() as folder:
        for count in SIZES:
            asyncio.run(measure(count, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
