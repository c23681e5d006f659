"""Media wiring: downloads from the Graph API into the media store, and their retry loop."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import httpx

from pyloto_corp.adapters.whatsapp.graph_media import GraphMediaSource
from pyloto_corp.application.media.fetch_media import FetchMedia
from pyloto_corp.application.media.media_jobs import MediaSource
from pyloto_corp.application.media.media_store import MediaStore
from pyloto_corp.application.storage import Storage
from pyloto_corp.bootstrap.exports import build_media_store
from pyloto_corp.domain.media import MediaRules
from pyloto_corp.infra.settings import Settings

DOWNLOAD_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


def build_media_source(settings: Settings) -> GraphMediaSource | None:
    """Only with the Graph sender: the console default has no Meta to download from."""
    if settings.sender_backend != "graph":
        return None
    return GraphMediaSource(
        httpx.AsyncClient(timeout=DOWNLOAD_TIMEOUT),
        base_url=settings.graph_api_base_url,
        version=settings.graph_api_version,
        token=settings.whatsapp_access_token.get_secret_value(),
    )


def build_fetch_media(
    settings: Settings, storage: Storage, clock: Callable[[], datetime], *,
    source: MediaSource | None = None, store: MediaStore | None = None,
) -> FetchMedia | None:  # fmt: skip
    source = source or build_media_source(settings)
    if source is None:
        return None
    rules = MediaRules(max_bytes=settings.media_max_bytes)
    return FetchMedia(storage.media_jobs, source, store or build_media_store(settings), rules,
                      clock=clock)  # fmt: skip
