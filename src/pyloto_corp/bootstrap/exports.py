"""Ops wiring: the export sink and media store (folder or bucket), use cases, ops API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from google.auth.exceptions import DefaultCredentialsError
from google.cloud import storage as gcs

from pyloto_corp.adapters.exports.gcs import GcsExportSink
from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.adapters.media.gcs import GcsMediaStore
from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.application.handoffs.desk import HandoffDesk
from pyloto_corp.application.ids import new_id
from pyloto_corp.application.media.media_store import MediaStore
from pyloto_corp.application.ports import RateLimiter
from pyloto_corp.application.privacy.erase_subject import EraseSubjectData
from pyloto_corp.application.records.export_conversation import ExportConversationUseCase
from pyloto_corp.application.records.exports import ExportSink
from pyloto_corp.application.records.verify_audit import VerifyAuditChain
from pyloto_corp.application.storage import Storage
from pyloto_corp.bootstrap.errors import ConfigurationError
from pyloto_corp.bootstrap.handoffs import chatwoot_action
from pyloto_corp.domain.export.model import EXPORT_ZONE
from pyloto_corp.infra.settings import Settings
from pyloto_corp.infra.timezone import bundled_zone

log = structlog.get_logger(__name__)


def gcs_client(settings: Settings, setting: str) -> gcs.Client:
    try:
        return gcs.Client(project=settings.trace_project or None)
    except DefaultCredentialsError:
        raise ConfigurationError(
            f"Configuração recusada; corrija: {setting}=gcs sem credenciais do Google "
            "(conta de serviço do Cloud Run ou GOOGLE_APPLICATION_CREDENTIALS)"
        ) from None


def build_export_sink(settings: Settings) -> ExportSink:
    """GCS in production (create-only, versioned bucket); a local folder by default."""
    if settings.export_backend == "gcs":
        minutes = settings.export_signed_url_minutes
        ttl = timedelta(minutes=minutes) if minutes else None
        client = gcs_client(settings, "EXPORT_BACKEND")
        return GcsExportSink(client, settings.gcs_bucket_export.strip(), signed_url_ttl=ttl)
    return LocalFolderExportSink(settings.export_local_dir)


def build_media_store(settings: Settings) -> MediaStore:
    """The media bucket (create-only, no old versions kept); a local folder by default."""
    if settings.media_backend == "gcs":
        client = gcs_client(settings, "MEDIA_BACKEND")
        return GcsMediaStore(client, settings.gcs_bucket_media.strip())
    return LocalFolderMediaStore(settings.media_local_dir)


def build_erasure(
    settings: Settings, storage: Storage, clock: Callable[[], datetime],
    media: MediaStore | None = None,
) -> EraseSubjectData:  # fmt: skip
    return EraseSubjectData(storage, media or build_media_store(settings),
                            pepper=_pepper(settings), clock=clock, new_id=new_id)  # fmt: skip


def _pepper(settings: Settings) -> bytes:
    return settings.pepper_secret.get_secret_value().encode()


def build_export_use_case(
    settings: Settings,
    storage: Storage,
    clock: Callable[[], datetime],
    sink: ExportSink | None = None,
) -> ExportConversationUseCase:
    return ExportConversationUseCase(
        storage,
        sink or build_export_sink(settings),
        pepper=_pepper(settings),
        clock=clock,
        new_id=new_id,
        zone=bundled_zone(EXPORT_ZONE),
    )


def build_verify_audit(settings: Settings, storage: Storage) -> VerifyAuditChain:
    return VerifyAuditChain(storage, pepper=_pepper(settings))


def build_ops_api(
    settings: Settings,
    storage: Storage,
    clock: Callable[[], datetime],
    limiter: RateLimiter,
    *,
    sink: ExportSink | None = None,
    media: MediaStore | None = None,
    desk: HandoffDesk | None = None,
) -> OpsApi:
    """The keyring, the per-key limit (the process's shared throttle) and the export."""
    keyring = settings.ops_keyring()
    if not keyring.names:
        log.warning("ops.no_keys_configured", setting="OPS_API_KEYS")
    return OpsApi(
        keyring=keyring,
        exports=build_export_use_case(settings, storage, clock, sink),
        limiter=limiter,
        requests_per_minute=settings.ops_rate_limit_per_minute,
        erasure=build_erasure(settings, storage, clock, media),
        desk=desk,
        chatwoot_secret=settings.chatwoot_webhook_secret.get_secret_value(),
        chatwoot_signing_secret=settings.chatwoot_signing_secret.get_secret_value(),
        chatwoot_action=chatwoot_action if settings.handoff_backend == "chatwoot" else None,
    )
