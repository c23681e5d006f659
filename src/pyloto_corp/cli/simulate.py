"""``pyloto-corp simulate SCRIPT.jsonl [--json]``: run a scripted conversation and report it.

Exit codes: 0 every line ran; 2 a line was bad or could not run (reported with its
number, the rest still runs); 3 the simulation itself failed.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from pyloto_corp.cli.inputs import InputError, read_lines
from pyloto_corp.cli.simulation import report, team
from pyloto_corp.cli.simulation.clock import SimClock
from pyloto_corp.cli.simulation.conversation import Conversation, Outbound, SimulationError
from pyloto_corp.cli.simulation.harness import in_process
from pyloto_corp.cli.simulation.script import (
    Advance,
    Choose,
    Inject,
    Redeliver,
    Say,
    ScriptError,
    SendMedia,
    Step,
    TeamRelease,
    TeamReply,
    parse_script,
)
from pyloto_corp.cli.simulation.setup import simulation_settings
from pyloto_corp.domain import labels as words
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings

EXIT_BAD_LINES, EXIT_FAILED = 2, 3


async def apply(conv: Conversation, step: Step, echo: TextIO | None) -> None:
    replies: list[Outbound] = []
    if isinstance(step, Say):
        _say(echo, f"[{step.phone}] {step.text}")
        replies = await conv.say(step.phone, step.text, step.late)
    elif isinstance(step, Choose):
        _say(echo, f"[{step.phone}] (escolhe) {step.choice}")
        replies = await conv.choose(step.phone, step.choice, step.late)
    elif isinstance(step, SendMedia):
        _say(echo, f"[{step.phone}] ({step.kind})")
        replies = await conv.send_media(step.phone, step.kind, step.late)
    elif isinstance(step, Advance):
        swept = await conv.advance(step.delta)
        closed = swept["closed"] if swept else 0
        _say(echo, f"⏱ relógio +{_delta(step.delta)}; sessões encerradas por inatividade: {closed}")
    elif isinstance(step, Redeliver):
        _say(echo, "↻ a Meta reenvia o último webhook")
        replies = await conv.redeliver()
    elif isinstance(step, Inject):
        conv.inject_engine_error()
    elif isinstance(step, TeamRelease):
        _say(echo, f"👤 a equipe devolve ao bot: {await team.release_all(conv)} atendimento(s)")
    elif isinstance(step, TeamReply):
        replies = await team.agent_says(conv, step.text)
    for reply in replies:
        _say(echo, report.render_reply(reply))
    if conv.harness.desk is not None:  # what the team hears, before the next step
        await conv.harness.desk.handoffs.drain()
        await conv.harness.desk.expire("simulador")  # the handoff loop's pass
        await conv.harness.desk.handoffs.retry_due()


def _say(echo: TextIO | None, text: str) -> None:
    if echo is not None:
        echo.write(text + "\n")


def _delta(delta: timedelta) -> str:
    return str(delta).replace(" days, ", "d ").replace(" day, ", "d ")


async def run_steps(
    settings: Settings, steps: list[Step], echo: TextIO | None, include_pii: bool = False
):
    clock = SimClock()
    errors: list[ScriptError] = []
    async with in_process(settings, clock) as harness:
        conv = Conversation(harness, clock, settings.whatsapp_phone_number_id)
        for step in steps:
            try:
                await apply(conv, step, echo)
            except SimulationError as exc:
                errors.append(ScriptError(step.line, str(exc)))
        rows = await report.sessions(conv)
        notices = conv.harness.notifier.report(include_pii)
    return rows, conv.outbound, errors, notices


def simulate(
    path: str, as_json: bool, stdout: TextIO, stderr: TextIO, include_pii: bool = False
) -> int:
    try:
        lines = read_lines(path)
    except InputError as exc:
        stderr.write(f"pyloto-corp simulate: não consegui ler {exc}\n")
        return EXIT_BAD_LINES
    steps, errors = parse_script(lines)
    configure_logging(json_logs=False, level="ERROR", stream=stderr)
    with tempfile.TemporaryDirectory(prefix="pyloto-sim-") as folder:
        settings = simulation_settings(Settings(), str(Path(folder) / "simulacao.sqlite3"))
        try:
            rows, outbound, failed, notices = asyncio.run(
                run_steps(settings, steps, None if as_json else stdout, include_pii)
            )
        except Exception as exc:  # noqa: BLE001 - a bug must not crash the command silently
            stderr.write(f"pyloto-corp simulate: a simulação falhou ({type(exc).__name__})\n")
            return EXIT_FAILED
    errors = sorted([*errors, *failed], key=lambda e: e.line)
    _write_report(rows, outbound, errors, notices, as_json=as_json, out=stdout)
    for error in errors:
        stderr.write(f"pyloto-corp simulate: {path}, linha {error.line}: {error.message}\n")
    return EXIT_BAD_LINES if errors else 0


def _write_report(rows: list[dict[str, Any]], outbound: list[Outbound],
                  errors: list[ScriptError], notices: list[dict[str, Any]], *, as_json: bool,
                  out: TextIO) -> None:  # fmt: skip
    if as_json:
        shown = [{k: v for k, v in row.items() if k != "close_reason"} for row in rows]
        document = {"sessions": shown, "outbound": [o.to_dict() for o in outbound],
                    "errors": [e.to_dict() for e in errors], "notifications": notices}  # fmt: skip
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return
    out.write("\nSessões:\n")
    for row in rows:
        out.write("  " + report.render_session(row) + "\n")
    if notices:
        out.write("\nAvisos à equipe:\n")
    for notice in notices:
        team = words.label(words.ROUTING, notice["routing"])
        out.write(f"  {notice['event']} {notice['handoff_id']} ({team})\n")
