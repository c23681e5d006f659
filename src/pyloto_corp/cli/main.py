"""``pyloto-corp``: serve the webhook, classify, sweep, export and verify (see ``parser``).

Only argparse is loaded up front: each command imports what it needs (``commands``), so the
help, usage errors and ``ops-key`` answer at once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pyloto_corp.cli.commands import COMMANDS, EXIT_CONFIG
from pyloto_corp.cli.i18n import portuguese
from pyloto_corp.cli.parser import build_parser

__all__ = ["EXIT_CONFIG", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    with portuguese():
        args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args, sys.stdout, sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
