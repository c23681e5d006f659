"""What each command runs. Imports happen inside each function, so that ``--help``, usage
errors and light commands (``ops-key``) never load the web framework, storage or cloud SDKs."""

# ruff: noqa: PLC0415 - the imports inside the functions are the point of this module

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

EXIT_CONFIG, EXIT_UNAVAILABLE = 2, 3
Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _guarded(work: Callable[..., int], args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``work(settings, args, out, err)``; a settings problem becomes a message and exit 2,
    a database or folder it cannot open a message naming the file and exit 3."""
    import sqlite3

    from pydantic import ValidationError

    from pyloto_corp.bootstrap.errors import ConfigurationError
    from pyloto_corp.cli.files import invalid_settings, load_settings, unusable_storage

    try:
        settings = load_settings()
    except ValidationError as exc:
        print(f"pyloto-corp: {invalid_settings(exc)}", file=err)
        return EXIT_CONFIG
    try:
        return work(settings, args, out, err)
    except ConfigurationError as exc:
        print(f"pyloto-corp: {exc}", file=err)
        return EXIT_CONFIG
    except (OSError, sqlite3.Error) as exc:
        print(f"pyloto-corp: {unusable_storage(settings, exc)}", file=err)
        return EXIT_UNAVAILABLE


def serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.serve import serve as run_server

    return _guarded(run_server, args, out, err)


def classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.classify import classify_stream, evaluate_file

    return evaluate_file(args.eval, out) if args.eval else classify_stream(sys.stdin, out)


def eval_turns(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.eval_turns import eval_turns as run

    return run(args.file, out, err, table=args.table)


def eval_slots(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.eval_slots import eval_slots as run

    return run(args.file, out, err, table=args.table)


def sweep(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.sweep import sweep as run

    return _guarded(lambda settings, _a, o, e: run(settings, o, e), args, out, err)


def export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import ops

    return _guarded(ops.export, args, out, err)


def audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import ops

    return _guarded(ops.audit_verify, args, out, err)


def lgpd(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import lgpd as requests

    return _guarded(requests.run, args, out, err)


def ops_key(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.keys import ops_key as run

    return run(args, out, err)


def leads(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import handoffs

    return _guarded(handoffs.leads, args, out, err)


def handoff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import handoffs

    return _guarded(handoffs.handoff, args, out, err)


def retention(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli import retention as policy

    return _guarded(lambda settings, a, o, e: policy.apply(settings, a.dry_run, o, e),
                    args, out, err)  # fmt: skip


def simulate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.simulate import simulate as run

    return run(args.script, args.json, out, err, args.include_pii)


def chat(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pyloto_corp.cli.chat import chat as run

    def talk(settings, a: argparse.Namespace, o: TextIO, e: TextIO) -> int:
        return run(settings, a.phone, a.url, stdin=sys.stdin, out=o, err=e)

    return _guarded(talk, args, out, err)


COMMANDS: dict[str, Command] = {
    "serve": serve, "classify": classify, "eval-turns": eval_turns, "eval-slots": eval_slots,
    "sweep": sweep, "export": export, "audit": audit, "lgpd": lgpd, "ops-key": ops_key,
    "leads": leads, "handoff": handoff, "retention": retention, "simulate": simulate,
    "chat": chat,
}  # fmt: skip
