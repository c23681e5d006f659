"""MediaSource on the Graph API: ``GET /{version}/{media_id}`` for a short-lived URL, then
the bytes from that URL with the same Bearer token, streamed and cut at the size limit.

The token only goes to https URLs (or to the configured Graph origin, for a test server
on loopback); a media id that is not Meta's shape never reaches a URL.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from pyloto_corp.application.media.media_jobs import (
    FetchedMedia,
    MediaGone,
    MediaSourceUnavailable,
)
from pyloto_corp.domain.media import MediaRefused

MEDIA_ID = re.compile(r"^[0-9A-Za-z_.-]{1,128}\Z")
_GONE = frozenset({400, 404, 410})


class GraphMediaSource:
    def __init__(self, client: httpx.AsyncClient, *, base_url: str, version: str, token: str):
        self._client, self._token = client, token
        self._origin = base_url.rstrip("/")
        self._base = f"{self._origin}/{version}"

    async def aclose(self) -> None:
        await self._client.aclose()

    @property
    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}

    async def fetch(self, media_id: str, max_bytes: int) -> FetchedMedia:
        if not MEDIA_ID.match(media_id):
            raise MediaGone("media id of an unknown shape")
        info = await self._info(media_id)
        size = _as_int(info.get("file_size"))
        if size is not None and size > max_bytes:
            raise MediaRefused("too_large")
        url = info.get("url")
        if not isinstance(url, str) or not self._trusted(url):
            raise MediaSourceUnavailable("no usable download url")
        data = await self._download(url, max_bytes)
        mime, sha = info.get("mime_type"), info.get("sha256")
        return FetchedMedia(data, mime if isinstance(mime, str) else None,
                            sha if isinstance(sha, str) else None)  # fmt: skip

    def _trusted(self, url: str) -> bool:
        return url.startswith("https://") or url.startswith(self._origin + "/")

    async def _info(self, media_id: str) -> dict[str, Any]:
        try:
            response = await self._client.get(f"{self._base}/{media_id}", headers=self._auth)
        except httpx.HTTPError as exc:
            raise MediaSourceUnavailable(type(exc).__name__) from exc
        if response.status_code in _GONE:
            raise MediaGone(f"graph answered {response.status_code}")
        if response.status_code != 200:
            raise MediaSourceUnavailable(f"graph answered {response.status_code}")
        try:
            info = response.json()
        except ValueError:
            raise MediaSourceUnavailable("graph answered no JSON") from None
        if not isinstance(info, dict):
            raise MediaSourceUnavailable("graph answered no object")
        return info

    async def _download(self, url: str, max_bytes: int) -> bytes:
        chunks, total = [], 0
        try:
            async with self._client.stream("GET", url, headers=self._auth) as response:
                if response.status_code != 200:  # an expired URL: the next try asks a new one
                    raise MediaSourceUnavailable(f"download answered {response.status_code}")
                async for chunk in response.aiter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise MediaRefused("too_large")
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise MediaSourceUnavailable(type(exc).__name__) from exc
        return b"".join(chunks)


def _as_int(value: Any) -> int | None:
    """Meta sends ``file_size`` as a number or as a string of digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None
