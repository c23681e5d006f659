"""``pyloto-corp``: serve the webhook, classify, sweep, export and verify (see ``parser``)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import uvicorn

from pyloto_corp.bootstrap import ConfigurationError, build_app
from pyloto_corp.cli import handoffs, lgpd, ops, retention
from pyloto_corp.cli.chat import chat
from pyloto_corp.cli.classify import classify_stream, evaluate_file
from pyloto_corp.cli.eval_slots import eval_slots
from pyloto_corp.cli.eval_turns import eval_turns
from pyloto_corp.cli.parser import build_parser
from pyloto_corp.cli.simulate import simulate
from pyloto_corp.cli.sweep import sweep
from pyloto_corp.infra.settings import Settings

EXIT_CONFIG = 2


def serve(host: str | None, port: int | None) -> int:
    settings = Settings()
    try:
        app = build_app(settings)
    except ConfigurationError as exc:
        print(f"pyloto-corp: {exc}", file=sys.stderr)  # noqa: T201 - CLI output
        return EXIT_CONFIG
    uvicorn.run(
        app,
        host=host or settings.host,
        port=port or settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )
    return 0


def _guarded(command: Callable[[], int]) -> int:
    try:
        return command()
    except ConfigurationError as exc:
        print(f"pyloto-corp: {exc}", file=sys.stderr)  # noqa: T201 - CLI output
        return EXIT_CONFIG


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    commands: dict[str, Callable[[], int]] = {
        "classify": lambda: (
            evaluate_file(args.eval, out) if args.eval else classify_stream(sys.stdin, out)
        ),
        "eval-turns": lambda: eval_turns(args.file, out, err, table=args.table),
        "eval-slots": lambda: eval_slots(args.file, out, err, table=args.table),
        "sweep": lambda: _guarded(lambda: sweep(Settings(), out, err)),
        "export": lambda: _guarded(lambda: ops.export(Settings(), args, out, err)),
        "audit": lambda: _guarded(lambda: ops.audit_verify(Settings(), args, out, err)),
        "lgpd": lambda: _guarded(lambda: lgpd.run(Settings(), args, out, err)),
        "ops-key": lambda: ops.ops_key(args, out, err),
        "leads": lambda: _guarded(lambda: handoffs.leads(Settings(), args, out, err)),
        "handoff": lambda: _guarded(lambda: handoffs.handoff(Settings(), args, out, err)),
        "retention": lambda: _guarded(lambda: retention.apply(Settings(), args.dry_run, out, err)),
        "simulate": lambda: simulate(args.script, args.json, out, err, args.include_pii),
        "chat": lambda: _guarded(
            lambda: chat(Settings(), args.phone, args.url, stdin=sys.stdin, out=out, err=err)
        ),
    }
    command = commands.get(args.command)
    return command() if command is not None else serve(args.host, args.port)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
