"""``pyloto-corp lgpd access`` and ``lgpd erase``: a data subject's requests (LGPD art. 18).

Both print the same JSON as POST /v1/lgpd/access and /v1/lgpd/erasure; exit codes as
``export`` (2 bad input, 3 unavailable, 4 nobody known by that phone or key).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from pyloto_corp.application.errors import InvalidRequest
from pyloto_corp.application.privacy.erase_subject import ErasureRequest, ErasureResult
from pyloto_corp.application.records.export_conversation import LGPD_ACCESS
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.bootstrap.exports import build_erasure
from pyloto_corp.cli import ops
from pyloto_corp.infra.settings import Settings


def access(settings: Settings, args: argparse.Namespace, stdout: TextIO, stderr: TextIO,
           clock: Callable[[], datetime] = ops.utc_now) -> int:  # fmt: skip
    """The person's own copy: an export with their personal data, audited as such."""
    args.include_pii, args.purpose = True, LGPD_ACCESS
    return ops.export(settings, args, stdout, stderr, clock)


def erase(settings: Settings, args: argparse.Namespace, stdout: TextIO, stderr: TextIO,
          clock: Callable[[], datetime] = ops.utc_now) -> int:  # fmt: skip
    try:
        request = ErasureRequest(Subject(args.phone, args.user_key), args.reason, ops.cli_actor())
    except InvalidRequest as exc:
        print(f"pyloto-corp: entrada inválida: {exc}", file=stderr)
        return ops.EXIT_BAD_INPUT
    result = ops.run_with_storage(
        settings, stderr, lambda storage: build_erasure(settings, storage, clock).execute(request)
    )
    if not isinstance(result, ErasureResult):
        return result
    print(json.dumps(result.to_dict(), ensure_ascii=False), file=stdout)
    return 0


def run(settings: Settings, args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    command = access if args.lgpd_command == "access" else erase
    return command(settings, args, stdout, stderr)
