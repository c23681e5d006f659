"""``pyloto-corp``: serve the webhook, classify, sweep, export and verify (see ``parser``).

Only argparse is loaded up front: each command imports what it needs (``commands``), so the
help, usage errors and ``ops-key`` answer at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from pyloto_corp.cli.commands import COMMANDS, EXIT_CONFIG
from pyloto_corp.cli.i18n import portuguese
from pyloto_corp.cli.parser import build_parser

__all__ = ["EXIT_CONFIG", "main"]
EXIT_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that went away


def main(argv: Sequence[str] | None = None) -> int:
    with portuguese():
        args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # "pyloto-corp eval-turns --table F | head": the reader left
        _quiet_stdout()
        return EXIT_PIPE


def _quiet_stdout() -> None:
    """Nothing more can reach the closed pipe; flushing at exit must not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
