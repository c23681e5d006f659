"""ExportSink on Cloud Storage: ``if_generation_match=0`` makes every upload create-only.

The bucket is expected to have object versioning on (docs/exports.md), so even a deletion
by someone with bucket rights keeps the old generation. Signed URLs are made only when the
credentials hold a private key; otherwise the answer simply has none.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import structlog
from google.api_core import exceptions as gexc
from google.api_core.retry import Retry
from google.auth import exceptions as auth_exc
from google.cloud.storage import Blob, Client
from requests import RequestException

from pyloto_corp.application.errors import ExportAlreadyExists, ExportSinkUnavailable
from pyloto_corp.application.records.exports import StoredExport

log = structlog.get_logger(__name__)

CALL_TIMEOUT_SECONDS = 20.0
RETRY = Retry(initial=0.2, maximum=2.0, multiplier=2.0, timeout=30.0)
UNAVAILABLE = (gexc.GoogleAPIError, gexc.RetryError, RequestException, auth_exc.GoogleAuthError)


class GcsExportSink:
    def __init__(
        self, client: Client, bucket: str, *, signed_url_ttl: timedelta | None,
        retry: Retry = RETRY,
    ) -> None:  # fmt: skip
        self._client, self._bucket, self._ttl, self._retry = client, bucket, signed_url_ttl, retry

    def _blob(self, path: str) -> Blob:
        return self._client.bucket(self._bucket).blob(path)

    async def save(self, path: str, data: bytes, *, content_type: str, sha256: str) -> StoredExport:
        await asyncio.to_thread(self._upload_once, path, data, content_type, sha256)
        signed = await asyncio.to_thread(self.signed_url, path)
        return StoredExport(path, f"gs://{self._bucket}/{path}", signed)

    def _upload_once(self, path: str, data: bytes, content_type: str, sha256: str) -> None:
        blob = self._blob(path)
        blob.metadata = {"sha256": sha256}
        try:
            blob.upload_from_string(data, content_type=content_type, if_generation_match=0,
                                    timeout=CALL_TIMEOUT_SECONDS, retry=self._retry)  # fmt: skip
        except gexc.PreconditionFailed:
            self._same_or_refuse(path, sha256)
        except UNAVAILABLE as exc:
            raise ExportSinkUnavailable(f"bucket de exports: {type(exc).__name__}") from exc

    def _same_or_refuse(self, path: str, sha256: str) -> None:
        """A retried upload finds its own bytes (success); anything else stays untouched."""
        try:
            existing = self._client.bucket(self._bucket).get_blob(
                path, timeout=CALL_TIMEOUT_SECONDS, retry=self._retry
            )
        except UNAVAILABLE as exc:
            raise ExportSinkUnavailable(f"bucket de exports: {type(exc).__name__}") from exc
        if existing is None or (existing.metadata or {}).get("sha256") != sha256:
            raise ExportAlreadyExists("já existe um export neste caminho")

    def signed_url(self, path: str) -> str | None:
        """A V4 GET URL valid for the configured time, if these credentials can sign."""
        if not self._ttl:
            return None
        try:
            return self._blob(path).generate_signed_url(
                version="v4", expiration=self._ttl, method="GET"
            )
        except (AttributeError, TypeError, ValueError, auth_exc.GoogleAuthError) as exc:
            log.info("export.signed_url_unavailable", error=type(exc).__name__)
            return None
