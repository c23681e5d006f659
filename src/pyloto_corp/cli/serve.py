"""``pyloto-corp serve``: the webhook over HTTP (uvicorn), after saying which files it uses."""

from __future__ import annotations

import argparse
from typing import TextIO

import uvicorn

from pyloto_corp.bootstrap import build_app
from pyloto_corp.cli.files import describe
from pyloto_corp.infra.settings import Settings


def serve(settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """A settings problem raises ``ConfigurationError`` (the caller prints it, exit 2)."""
    print(f"pyloto-corp serve: {describe(settings)}", file=err, flush=True)
    app = build_app(settings)
    uvicorn.run(
        app,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )
    return 0
