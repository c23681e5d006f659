"""``pyloto-corp chat``: talk to the bot in the terminal, through the real webhook.

In-process by default (embedded backends, the configured SQLite file, a simulated clock);
``--url`` talks to a running server that shares the same storage and secrets (``make run``).
"""

from __future__ import annotations

import asyncio
import json
from typing import TextIO

from pyloto_corp.application.errors import ApplicationError
from pyloto_corp.cli.inputs import about, reason
from pyloto_corp.cli.simulation import report
from pyloto_corp.cli.simulation.clock import BadDuration, SimClock, parse_duration
from pyloto_corp.cli.simulation.conversation import Conversation, Outbound, SimulationError
from pyloto_corp.cli.simulation.harness import in_process, remote
from pyloto_corp.cli.simulation.payloads import TYPE_NAMES, media_kind
from pyloto_corp.cli.simulation.setup import SIMULATED_NUMBER_ID, simulation_settings
from pyloto_corp.domain.identity import InvalidPhone, parse_e164
from pyloto_corp.infra.logging import configure_logging
from pyloto_corp.infra.settings import Settings

EXIT_BAD_INPUT, EXIT_FAILED = 2, 3
HELP = (
    "Escreva como no WhatsApp. Para botões e listas, responda com o número da opção.\n"
    "  /tempo 2h     avança o relógio (e encerra o que ficou parado)\n"
    f"  /midia TIPO   envia {TYPE_NAMES}\n"
    "  /ajuda        mostra esta ajuda      /sair  encerra"
)


async def answer(conv: Conversation, phone: str, line: str) -> tuple[list[Outbound], str]:
    """The bot's replies to one line typed by the person, and a note for the terminal."""
    command, _, rest = line.partition(" ")
    if command == "/tempo":
        try:
            swept = await conv.advance(parse_duration(rest))
        except BadDuration as exc:
            raise SimulationError(str(exc)) from None
        if swept is None:
            return [], "⏱ relógio das mensagens adiantado (o do servidor não muda)"
        return [], f"⏱ relógio adiantado; sessões encerradas por inatividade: {swept['closed']}"
    if command == "/midia":
        kind = media_kind(rest)
        if kind is None:
            raise SimulationError(f"tipos: {TYPE_NAMES}")
        return await conv.send_media(phone, kind), ""
    if command == "/ajuda":
        return [], HELP
    if command.startswith("/"):
        raise SimulationError("comando desconhecido; /ajuda lista os comandos")
    option = conv.option_by_number(phone, int(line)) if line.isdigit() else None
    if option is not None:
        return await conv.choose(phone, option["id"]), ""
    return await conv.say(phone, line), ""


async def talk(conv: Conversation, phone: str, stdin: TextIO, out: TextIO) -> None:
    out.write(f"Conversa simulada com o bot, como {phone}.\n{HELP}\n")
    while True:
        out.write("você> ")
        out.flush()
        raw = await asyncio.to_thread(stdin.readline)
        line = raw.strip()
        if not raw or line in ("/sair", "/exit"):
            return
        if not line:
            continue
        try:
            replies, note = await answer(conv, phone, line)
        except SimulationError as exc:
            replies, note = [], f"⚠ {exc}"
        for reply in replies:
            out.write(report.render_reply(reply) + "\n")
        if note:
            out.write(note + "\n")


async def run_chat(settings: Settings, phone: str, url: str | None, stdin: TextIO,
                   out: TextIO) -> None:  # fmt: skip
    clock = SimClock()
    harness_context = remote(settings, url) if url else in_process(settings, clock)
    async with harness_context as harness:
        number_id = settings.whatsapp_phone_number_id.strip() or SIMULATED_NUMBER_ID
        conv = Conversation(harness, clock, number_id)
        key = conv.user_key(phone)
        ended = {s.session_id for s in await harness.storage.sessions.list_for_user(key)
                 if not s.is_open}  # fmt: skip
        conv.phones.append(phone)
        await talk(conv, phone, stdin, out)
        rows = [r for r in await report.sessions(conv) if r["session_id"] not in ended]
    out.write("\nSessões desta conversa:\n" if rows else "\nNenhuma sessão nesta conversa.\n")
    for row in rows:
        out.write("  " + report.render_session(row) + "\n")
        if row["handoff"]:
            out.write(json.dumps(row["handoff"], ensure_ascii=False, indent=2) + "\n")


def chat(settings: Settings, phone: str, url: str | None, *, stdin: TextIO, out: TextIO,
         err: TextIO) -> int:  # fmt: skip
    try:
        person = parse_e164(phone)
    except InvalidPhone as exc:
        err.write(f"pyloto-corp chat: {exc}\n")
        return EXIT_BAD_INPUT
    configure_logging(json_logs=False, level="ERROR", stream=err)
    local = settings if url else simulation_settings(settings, settings.sqlite_path)
    try:
        asyncio.run(run_chat(local, person, url, stdin, out))
    except (SimulationError, ApplicationError, OSError) as exc:
        said = about(exc.filename, exc) if getattr(exc, "filename", None) else reason(exc)
        err.write(f"pyloto-corp chat: {said}\n")
        return EXIT_FAILED
    return 0
