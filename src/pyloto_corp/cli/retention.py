"""``pyloto-corp retention apply [--dry-run]``: delete what is past its date (embedded backend).

Prints ``{"dry_run", "cutoffs", "records", "files"}``. With STORAGE_BACKEND=firestore the
records are Firestore's TTL to delete (``expires_at``), and the command refuses (exit 2);
media and exports in buckets follow the buckets' lifecycle rules (docs/retencao.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.application.privacy.apply_retention import ApplyRetention
from pyloto_corp.bootstrap.exports import build_media_store
from pyloto_corp.cli import ops
from pyloto_corp.domain.retention import RetentionPolicy
from pyloto_corp.infra.settings import Settings


def policy_of(settings: Settings) -> RetentionPolicy:
    return RetentionPolicy(settings.media_retention_days, settings.export_retention_days,
                           settings.conversation_retention_days)  # fmt: skip


def apply(settings: Settings, dry_run: bool, stdout: TextIO, stderr: TextIO,
          clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> int:  # fmt: skip
    if settings.storage_backend != "sqlite":
        print("pyloto-corp: com STORAGE_BACKEND=firestore quem apaga é o TTL do Firestore "
              "(campo expires_at); veja docs/retencao.md", file=stderr)  # fmt: skip
        return ops.EXIT_BAD_INPUT
    policy = policy_of(settings)

    def work(storage: Any) -> Any:
        exports = (LocalFolderExportSink(settings.export_local_dir)
                   if settings.export_backend == "local" else None)  # fmt: skip
        media = build_media_store(settings)
        return ApplyRetention(storage.expired, media, exports, policy, clock).execute(
            dry_run=dry_run
        )

    report = ops.run_with_storage(settings, stderr, work)
    if not isinstance(report, dict):
        return report
    print(json.dumps(report, ensure_ascii=False), file=stdout)
    return 0
