"""``pyloto-corp sweep``: close sessions idle past SESSION_TIMEOUT_MINUTES (run on a schedule)."""

from __future__ import annotations

import asyncio
import json
from typing import TextIO

from pyloto_corp.application.errors import StorageUnavailable
from pyloto_corp.bootstrap import build_storage, build_sweep, check_settings
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings

EXIT_UNAVAILABLE = 3


def sweep(settings: Settings, sink: TextIO, stderr: TextIO) -> int:
    """Prints ``{"examined", "closed", "conflicts", "outcomes"}`` as one JSON line."""
    check_settings(settings)
    configure_logging(json_logs=settings.json_logs, level=settings.log_level, stream=stderr)
    try:
        report = asyncio.run(_run(settings))
    except StorageUnavailable:
        print("pyloto-corp: armazenamento indisponível; tente de novo", file=stderr)
        return EXIT_UNAVAILABLE
    print(json.dumps(report, ensure_ascii=False), file=sink)
    return 0


async def _run(settings: Settings) -> dict:
    storage = build_storage(settings)
    try:
        return (await build_sweep(settings, storage).run()).to_dict()
    finally:
        await storage.close()
