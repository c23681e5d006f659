"""``pyloto-corp export`` and ``audit verify``: the ops API's commands (``ops-key``: keys).

Exit codes: 0 done (for ``audit verify``: chain valid), 1 chain broken, 2 bad input or
settings, 3 storage unavailable, 4 no conversation for that person, 5 export path taken.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from pyloto_corp.application import errors as app_errors
from pyloto_corp.application.records.export_conversation import ExportRequest
from pyloto_corp.application.records.export_result import ExportResult
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.bootstrap import build_storage, check_settings
from pyloto_corp.bootstrap.exports import build_export_use_case, build_verify_audit
from pyloto_corp.cli.inputs import InputError, write_bytes
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings

EXIT_BROKEN, EXIT_BAD_INPUT, EXIT_UNAVAILABLE, EXIT_NOT_FOUND, EXIT_CONFLICT = 1, 2, 3, 4, 5
_FAILURES: tuple[tuple[type[Exception], int, str], ...] = (
    (app_errors.InvalidRequest, EXIT_BAD_INPUT, "entrada inválida"),
    (app_errors.ConversationNotFound, EXIT_NOT_FOUND, "nenhuma conversa para esta pessoa"),
    (app_errors.ExportAlreadyExists, EXIT_CONFLICT, "já existe um export neste caminho"),
    (app_errors.StorageUnavailable, EXIT_UNAVAILABLE, "armazenamento indisponível"),
    (app_errors.ExportSinkUnavailable, EXIT_UNAVAILABLE, "destino dos exports indisponível"),
    (app_errors.MediaStoreUnavailable, EXIT_UNAVAILABLE, "armazenamento de mídias indisponível"),
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def cli_actor() -> str:
    """Who ran the command, for the audit trail: ``cli:<login>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:desconhecido"


def run_with_storage(
    settings: Settings, stderr: TextIO, work: Callable[[Any], Awaitable[Any]]
) -> Any:
    """Run ``work(storage)``; a known failure becomes its exit code and a message."""
    check_settings(settings)
    configure_logging(json_logs=settings.json_logs, level=settings.log_level, stream=stderr)

    async def go() -> Any:
        storage = build_storage(settings)
        try:
            return await work(storage)
        finally:
            await storage.close()

    try:
        return asyncio.run(go())
    except app_errors.ApplicationError as exc:
        code, label = next(((c, lb) for t, c, lb in _FAILURES if isinstance(exc, t)),
                           (EXIT_UNAVAILABLE, "falha"))  # fmt: skip
        print(f"pyloto-corp: {label}: {exc}", file=stderr)
        return code


def export(settings: Settings, args: argparse.Namespace, stdout: TextIO, stderr: TextIO,
           clock: Callable[[], datetime] = utc_now) -> int:  # fmt: skip
    """Prints the same JSON object as POST /v1/exports/conversations."""
    try:
        request = ExportRequest(Subject(args.phone, args.user_key), ExportFormat(args.format),
                                args.reason, cli_actor(), args.include_pii,
                                purpose=getattr(args, "purpose", None))  # fmt: skip
    except app_errors.InvalidRequest as exc:
        print(f"pyloto-corp: entrada inválida: {exc}", file=stderr)
        return EXIT_BAD_INPUT

    def work(storage: Any) -> Awaitable[Any]:
        return build_export_use_case(settings, storage, clock).execute(request)

    result = run_with_storage(settings, stderr, work)
    if not isinstance(result, ExportResult):
        return result
    print(json.dumps(result.to_dict(), ensure_ascii=False), file=stdout)
    if args.out:
        try:
            write_bytes(args.out, result.data)
        except InputError as exc:
            print(f"pyloto-corp: não gravei a cópia (--out) {exc}", file=stderr)
            return EXIT_BAD_INPUT
    return 0


def audit_verify(settings: Settings, args: argparse.Namespace, stdout: TextIO,
                 stderr: TextIO) -> int:  # fmt: skip
    subject = Subject(args.phone, args.user_key)
    report = run_with_storage(
        settings, stderr, lambda s: build_verify_audit(settings, s).execute(subject)
    )
    if not isinstance(report, dict):
        return report
    print(json.dumps(report, ensure_ascii=False), file=stdout)
    return 0 if report["valid"] else EXIT_BROKEN
