"""Which inbound media Pyloto keeps: an allow-list of MIME types, sizes, and checksums.

Meta's own limits per kind (image 5 MB, audio and video 16 MB, document 100 MB, sticker
500 KB) bound what can arrive; ``MEDIA_MAX_BYTES`` can lower them. Anything else is
refused and never stored.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

MB = 1024 * 1024
EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp",
    "audio/aac": "aac", "audio/mp4": "m4a", "audio/mpeg": "mp3", "audio/amr": "amr",
    "audio/ogg": "ogg", "video/mp4": "mp4", "video/3gpp": "3gp",
    "application/pdf": "pdf", "text/plain": "txt", "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
}  # fmt: skip
KIND_LIMITS = {"image": 5 * MB, "audio": 16 * MB, "video": 16 * MB, "document": 100 * MB,
               "sticker": 500 * 1024}  # fmt: skip


class MediaRefused(ValueError):
    """This media is not kept (type, size or checksum); ``reason`` says which, for the logs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def base_mime(mime_type: str | None) -> str:
    """``audio/ogg; codecs=opus`` → ``audio/ogg``."""
    return (mime_type or "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True, slots=True)
class MediaRules:
    max_bytes: int

    def limit(self, kind: str) -> int:
        return min(self.max_bytes, KIND_LIMITS.get(kind, self.max_bytes))

    def extension(self, mime_type: str | None) -> str:
        """The file extension for an allowed type; MediaRefused otherwise."""
        found = EXTENSIONS.get(base_mime(mime_type))
        if found is None:
            raise MediaRefused("mime_not_allowed")
        return found

    def check_size(self, kind: str, size: int) -> None:
        if size > self.limit(kind):
            raise MediaRefused("too_large")
        if size <= 0:
            raise MediaRefused("empty")


def same_digest(expected: str | None, hex_digest: str) -> bool:
    """Meta states SHA-256 as hex (media endpoint) or base64 (webhook); None: nothing to check."""
    if not expected:
        return True
    if expected.lower() == hex_digest:
        return True
    try:
        return base64.b64decode(expected, validate=True).hex() == hex_digest
    except (binascii.Error, ValueError):
        return False
