"""ExportSink on a local folder: create-only files (see ``adapters.files``), read-only.

Export paths start with ``exports/`` (the bucket's layout); the folder already *is* the
exports folder (``EXPORT_LOCAL_DIR``, ``var/exports``), so that first level is not repeated
on disk: ``exports/conversations/K/x.md`` lives at ``var/exports/conversations/K/x.md``.
Retention lists and deletes through the same mapping (``list_objects``, ``delete``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pyloto_corp.adapters.files import create_once, files_under, inside, modified_at, remove
from pyloto_corp.application.errors import ExportAlreadyExists, ExportSinkUnavailable
from pyloto_corp.application.media.media_store import StoredObject
from pyloto_corp.application.records.exports import StoredExport

PREFIX = "exports/"


class LocalFolderExportSink:
    def __init__(self, root: str | Path) -> None:
        self._root = Path(root).resolve()

    def location(self, path: str) -> Path:
        return inside(self._root, path.removeprefix(PREFIX))

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        """Files under ``prefix`` (``exports/…``), named by their export paths."""
        return await self._shelf(self._list, prefix)

    async def delete(self, path: str) -> bool:
        return await self._shelf(remove, self.location(path))

    async def _shelf(self, work, *args):  # type: ignore[no-untyped-def]
        try:
            return await asyncio.to_thread(work, *args)
        except OSError as exc:
            raise ExportSinkUnavailable(f"pasta de exports: {type(exc).__name__}") from exc

    def _list(self, prefix: str) -> list[StoredObject]:
        inner = prefix.removeprefix(PREFIX).rstrip("/")
        folder = inside(self._root, inner) if inner else self._root
        return [StoredObject(PREFIX + p.relative_to(self._root).as_posix(), modified_at(p))
                for p in files_under(folder)]  # fmt: skip

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> StoredExport:
        target = self.location(path)
        try:
            created = await asyncio.to_thread(create_once, target, data, sha256)
        except OSError as exc:
            raise ExportSinkUnavailable(f"pasta de exports: {type(exc).__name__}") from exc
        if not created:
            raise ExportAlreadyExists("já existe um export neste caminho")
        return StoredExport(path, target.as_uri())
