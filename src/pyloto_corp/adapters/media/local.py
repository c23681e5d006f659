"""MediaStore on a local folder (the embedded default): create-only, read-only files."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pyloto_corp.adapters.files import create_once, files_under, inside, modified_at, remove
from pyloto_corp.application.errors import MediaStoreUnavailable
from pyloto_corp.application.media.media_store import StoredObject


class LocalFolderMediaStore:
    def __init__(self, root: str | Path) -> None:
        self._root = Path(root).resolve()

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> bool:
        return await self._call(create_once, inside(self._root, path), data, sha256)

    async def delete_folder(self, prefix: str) -> int:
        return await self._call(self._delete_all, prefix)

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        return await self._call(self._list, prefix)

    async def delete(self, path: str) -> bool:
        return await self._call(remove, inside(self._root, path))

    async def _call(self, work, *args):  # type: ignore[no-untyped-def]
        try:
            return await asyncio.to_thread(work, *args)
        except OSError as exc:
            raise MediaStoreUnavailable(f"pasta de mídia: {type(exc).__name__}") from exc

    def _files(self, prefix: str) -> list[Path]:
        return files_under(inside(self._root, prefix.rstrip("/")))

    def _list(self, prefix: str) -> list[StoredObject]:
        return [
            StoredObject(p.relative_to(self._root).as_posix(), modified_at(p))
            for p in self._files(prefix)
        ]  # fmt: skip

    def _delete_all(self, prefix: str) -> int:
        return sum(remove(p) for p in self._files(prefix))
