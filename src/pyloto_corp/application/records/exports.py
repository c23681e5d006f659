"""Where exports are kept: create-only, never overwritten (a local folder or a bucket)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredExport:
    path: str
    uri: str
    signed_url: str | None = None


class ExportSink(Protocol):
    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> StoredExport:
        """Store ``data`` at ``path`` only if nothing is there yet.

        The same bytes already at ``path`` count as saved (a retried upload); other bytes
        raise ExportAlreadyExists and leave the stored object untouched. A backend that
        cannot answer raises ExportSinkUnavailable.
        """
        ...
