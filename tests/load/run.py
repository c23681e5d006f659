"""``python -m tests.load.run``: load runs with figures; exit 1 if any run is not green.

Examples: ``--setup embedded``, ``--setup cluster --fault kill``, ``--all-faults``.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import sys
import tempfile
from pathlib import Path

from pyloto_corp.infra.logging import configure_logging
from tests.load.harness import RunConfig, figures, run, summary
from tests.load.topology import FAULTS

FAULT_SETUP = {"redis": "cluster", "firestore": "cluster", "graph": "embedded", "kill": "cluster",
               "kill-silent": "cluster"}  # fmt: skip


def _configs(args: argparse.Namespace, root: Path) -> list[RunConfig]:
    if args.all_faults:
        wanted = [(FAULT_SETUP[f], f) for f in FAULTS]
    else:
        wanted = [(s, args.fault) for s in args.setup]
    return [RunConfig(workdir=root / f"{setup}-{fault or 'none'}", topology=setup,
                      people=args.people, messages=args.messages, fault=fault)
            for setup, fault in wanted]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.load.run")
    parser.add_argument("--setup", action="append", choices=["embedded", "cluster"])
    parser.add_argument("--fault", choices=FAULTS)
    parser.add_argument("--all-faults", action="store_true", help="one run per fault")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--messages", type=int, default=8)
    parser.add_argument("--keep", metavar="DIR", help="keep logs and data here")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.setup = args.setup or ["embedded", "cluster"]
    configure_logging(json_logs=True, level="WARNING", stream=io.StringIO())  # the sweep's
    with tempfile.TemporaryDirectory(prefix="pyloto-load-") as temp:
        root = Path(args.keep or temp)
        reports = []
        for config in _configs(args, root):
            config.workdir.mkdir(parents=True, exist_ok=True)
            reports.append(asyncio.run(run(config)))
            print("\n".join(figures(reports[-1])), end="\n\n", flush=True)  # noqa: T201
    if args.json:
        Path(args.json).write_text(json.dumps([summary(r) for r in reports], indent=1))
    return 0 if all(r.green for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
