"""``pyloto-corp leads`` and ``pyloto-corp handoff``: the team's side of handoffs.

``leads`` prints handoffs (table, JSON or CSV; contact masked unless ``--include-pii``,
which is audited); ``handoff release`` gives the person back to the bot and ``handoff
reply`` sends them a message from the team. Exit codes: 2 bad input, 3 unavailable,
4 no such handoff, 5 refused (already released, the person opted out, window closed).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from pyloto_corp.application.handoffs.leads import LeadsRequest
from pyloto_corp.application.handoffs.takeover import Refusal, TakeoverResult
from pyloto_corp.application.ids import new_id
from pyloto_corp.bootstrap.handoffs import with_desk
from pyloto_corp.cli import ops
from pyloto_corp.cli.leads_table import write_table
from pyloto_corp.infra.settings import Settings

COLUMNS = ("created_at", "handoff_id", "routing", "qualification_level", "takeover",
           "delivery", "name", "phone")  # fmt: skip
CSV_COLUMNS = (*COLUMNS, "city", "business_name", "role", "intent_primary", "deadline",
               "release_reason", "user_key", "session_id")  # fmt: skip


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **row["contact"]}


def _print_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        print(json.dumps({"handoffs": rows, "count": len(rows)}, ensure_ascii=False), file=out)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(_flat(row) for row in rows)
    else:
        write_table([_flat(row) for row in rows], out)


def leads(settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO,
          clock: Callable[[], datetime] = ops.utc_now) -> int:  # fmt: skip
    request = LeadsRequest(args.since, args.routing, args.status, args.limit,
                           args.include_pii, ops.cli_actor())  # fmt: skip

    async def work(storage: Any) -> Any:
        try:
            return await with_desk(settings, storage, clock, lambda desk: desk.leads(request))
        except ValueError:
            return None

    rows = ops.run_with_storage(settings, err, work)
    if rows is None:
        print("pyloto-corp: --since: use 7d, 24h, 30m ou uma data ISO", file=err)
        return ops.EXIT_BAD_INPUT
    if isinstance(rows, int):
        return rows
    _print_rows(rows, args.format, out)
    return 0


def handoff(settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO,
            clock: Callable[[], datetime] = ops.utc_now) -> int:  # fmt: skip
    actor = ops.cli_actor()

    if args.handoff_command == "retry":
        return _retry(settings, args, out, err, clock)

    def act(desk: Any) -> Any:
        if args.handoff_command == "release":
            return desk.release(args.handoff_id, args.reason, actor)
        return desk.reply(args.handoff_id, args.text, actor, new_id())

    result = ops.run_with_storage(settings, err, lambda s: with_desk(settings, s, clock, act))
    if not isinstance(result, TakeoverResult):
        return result
    if result.refused is not None:
        print(f"pyloto-corp: {result.refused.value}", file=err)
        return ops.EXIT_NOT_FOUND if result.refused is Refusal.NOT_FOUND else ops.EXIT_CONFLICT
    status = "released" if args.handoff_command == "release" else "queued"
    body = {"handoff_id": args.handoff_id, "status": status}
    if result.items:
        body["items"] = [item.item_id for item in result.items]
    print(json.dumps(body), file=out)
    return 0


def _retry(settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO,
           clock: Callable[[], datetime]) -> int:  # fmt: skip
    """Failed deliveries of one handoff, tried again (after the destination was fixed)."""
    actor = ops.cli_actor()

    async def requeue(desk: Any) -> dict[str, Any]:
        return {"handoff_id": args.handoff_id, "requeued": await desk.retry(args.handoff_id, actor)}

    result = ops.run_with_storage(settings, err, lambda s: with_desk(settings, s, clock, requeue))
    if not isinstance(result, dict):
        return result
    print(json.dumps(result), file=out)
    return 0
