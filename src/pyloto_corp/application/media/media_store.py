"""Where inbound media is kept: ``media/<user_key>/<provider_message_id>.<ext>``, create-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

MEDIA_PREFIX = "media"


def media_folder(user_key: str) -> str:
    return f"{MEDIA_PREFIX}/{user_key}/"


def media_path(user_key: str, provider_message_id: str, extension: str) -> str:
    """A wamid is base64 and may hold '/': escaped, so each message is one object in the folder."""
    name = provider_message_id.replace("%", "%25").replace("/", "%2F")
    return f"{media_folder(user_key)}{name}.{extension}"


@dataclass(frozen=True, slots=True)
class StoredObject:
    path: str
    created_at: datetime


class MediaStore(Protocol):
    """A bucket (production) or a local folder (embedded). Raises MediaStoreUnavailable."""

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> bool:
        """Create ``path`` with ``data`` unless it exists; True if this call created it.

        The same bytes already there count as saved (a retried download); an object with
        other bytes is left untouched (False).
        """
        ...

    async def delete_folder(self, prefix: str) -> int:
        """Delete every object under ``prefix``; returns how many were deleted."""
        ...

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        """Every object under ``prefix``, with the time it was created."""
        ...

    async def delete(self, path: str) -> bool:
        """Delete one object; False if it was not there."""
        ...
