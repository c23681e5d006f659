"""MediaStore on Cloud Storage: ``if_generation_match=0`` makes every upload create-only.

The media bucket must not keep noncurrent versions (docs/midia.md): an erasure or the
retention rule must really remove the bytes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from google.api_core import exceptions as gexc
from google.api_core.retry import Retry
from google.cloud.storage import Client

from pyloto_corp.adapters.exports.gcs import CALL_TIMEOUT_SECONDS, RETRY, UNAVAILABLE
from pyloto_corp.application.errors import MediaStoreUnavailable
from pyloto_corp.application.media.media_store import StoredObject

T = TypeVar("T")


class GcsMediaStore:
    def __init__(self, client: Client, bucket: str, *, retry: Retry = RETRY) -> None:
        self._client, self._bucket, self._retry = client, bucket, retry
        self._opts: dict[str, Any] = {"timeout": CALL_TIMEOUT_SECONDS, "retry": retry}

    async def _call(self, work: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.to_thread(work, *args)
        except UNAVAILABLE as exc:
            raise MediaStoreUnavailable(f"bucket de mídia: {type(exc).__name__}") from exc

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> bool:
        return await self._call(self._upload, path, data, content_type, sha256)

    def _upload(self, path: str, data: bytes, content_type: str, sha256: str) -> bool:
        blob = self._client.bucket(self._bucket).blob(path)
        blob.metadata = {"sha256": sha256}
        try:
            blob.upload_from_string(data, content_type=content_type, if_generation_match=0,
                                    **self._opts)  # fmt: skip
        except gexc.PreconditionFailed:
            existing = self._client.bucket(self._bucket).get_blob(path, **self._opts)
            return existing is not None and (existing.metadata or {}).get("sha256") == sha256
        return True

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        return await self._call(self._list, prefix)

    def _list(self, prefix: str) -> list[StoredObject]:
        blobs = self._client.list_blobs(self._bucket, prefix=prefix, **self._opts)
        return [StoredObject(b.name, b.time_created) for b in blobs]

    async def delete_folder(self, prefix: str) -> int:
        found = await self.list_objects(prefix)
        deleted = [await self.delete(item.path) for item in found]
        return sum(deleted)

    async def delete(self, path: str) -> bool:
        return await self._call(self._delete, path)

    def _delete(self, path: str) -> bool:
        try:
            self._client.bucket(self._bucket).blob(path).delete(**self._opts)
        except gexc.NotFound:
            return False
        return True
