"""``pyloto-corp``: serve the webhook, classify messages (more commands arrive with issues)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import uvicorn

from pyloto_corp.bootstrap import ConfigurationError, build_app
from pyloto_corp.cli.classify import classify_stream, evaluate_file
from pyloto_corp.cli.sweep import sweep
from pyloto_corp.infra.settings import Settings

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pyloto-corp", description="Atendimento Pyloto")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="sobe o webhook HTTP (porta PORT, padrão 8080)")
    serve.add_argument("--host", help="endereço de escuta (padrão: HOST)")
    serve.add_argument("--port", type=int, help="porta (padrão: PORT)")
    classify = commands.add_parser(
        "classify", help="classifica mensagens (uma por linha na entrada) e escreve JSON por linha"
    )
    classify.add_argument(
        "--eval", metavar="FILE.jsonl", help="avalia um corpus rotulado ({text, intent} por linha)"
    )
    commands.add_parser(
        "sweep", help="encerra sessões inativas (rode periodicamente) e imprime um resumo JSON"
    )
    return parser


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
    args = _parser().parse_args(argv)
    if args.command == "classify":
        if args.eval:
            return evaluate_file(args.eval, sys.stdout)
        return classify_stream(sys.stdin, sys.stdout)
    if args.command == "sweep":
        return _guarded(lambda: sweep(Settings(), sys.stdout, sys.stderr))
    return serve(args.host, args.port)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
