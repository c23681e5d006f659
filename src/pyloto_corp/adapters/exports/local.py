"""ExportSink on a local folder: create-only files (see ``adapters.files``), read-only."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pyloto_corp.adapters.files import create_once, inside
from pyloto_corp.application.errors import ExportAlreadyExists, ExportSinkUnavailable
from pyloto_corp.application.records.exports import StoredExport


class LocalFolderExportSink:
    def __init__(self, root: str | Path) -> None:
        self._root = Path(root).resolve()

    def location(self, path: str) -> Path:
        return inside(self._root, path)

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> StoredExport:
        target = self.location(path)
        try:
            created = await asyncio.to_thread(create_once, target, data, sha256)
        except OSError as exc:
            raise ExportSinkUnavailable(f"pasta de exports: {type(exc).__name__}") from exc
        if not created:
            raise ExportAlreadyExists("já existe um export neste caminho")
        return StoredExport(path, target.as_uri())
