"""ExportSink on a local folder: written aside, then hard-linked into place (never replaced).

``os.link`` fails when the target exists, so a finished file can never be overwritten
and a half-written one is never visible under the final name. Files are made read-only.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from pathlib import Path

from pyloto_corp.application.errors import ExportAlreadyExists, ExportSinkUnavailable
from pyloto_corp.application.exports import StoredExport

READ_ONLY = 0o444


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class LocalFolderExportSink:
    def __init__(self, root: str | Path) -> None:
        self._root = Path(root).resolve()

    def location(self, path: str) -> Path:
        target = (self._root / path).resolve()
        if not target.is_relative_to(self._root) or target == self._root:
            raise ValueError("export path escapes the export folder")
        return target

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> StoredExport:
        target = self.location(path)
        await asyncio.to_thread(self._write_once, target, data, sha256)
        return StoredExport(path, target.as_uri())

    @staticmethod
    def _write_once(target: Path, data: bytes, sha256: str) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, aside = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(aside, READ_ONLY)
                os.link(aside, target)
            finally:
                os.unlink(aside)
        except FileExistsError:
            if _sha256_of(target) != sha256:
                raise ExportAlreadyExists("já existe um export neste caminho") from None
        except OSError as exc:
            raise ExportSinkUnavailable(f"pasta de exports: {type(exc).__name__}") from exc
