"""No visible effect without a decision: every reply of every scenario has its envelope."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from pyloto_corp.cli.simulate import apply
from pyloto_corp.cli.simulation.clock import SimClock
from pyloto_corp.cli.simulation.conversation import Conversation
from pyloto_corp.cli.simulation.harness import in_process
from pyloto_corp.cli.simulation.script import parse_script
from pyloto_corp.cli.simulation.setup import simulation_settings
from pyloto_corp.domain.audit import decisions_in
from pyloto_corp.infra.settings import Settings

FOLDER = Path(__file__).resolve().parents[2] / "scenarios"
SENDS = {"enviar_mensagem", "mostrar_menu"}


async def _run(lines: list[str], database: Path) -> tuple[list, list, list]:
    steps, errors = parse_script(lines)
    assert errors == []
    settings = simulation_settings(Settings(), str(database))
    items, decisions, sessions = [], [], []
    clock = SimClock()
    async with in_process(settings, clock) as harness:
        conversation = Conversation(harness, clock, settings.whatsapp_phone_number_id)
        for step in steps:
            await apply(conversation, step, None)
        for phone in conversation.phones:
            key = conversation.user_key(phone)
            items += await harness.storage.outbox.list_for_user(key)
            decisions += decisions_in(await harness.storage.audit.list_events(key))
            sessions += await harness.storage.sessions.list_for_user(key)
    return items, decisions, sessions


@pytest.mark.parametrize("script", sorted(FOLDER.glob("*.jsonl")), ids=lambda p: p.stem)
def test_every_outbox_item_has_an_allowing_envelope(script, tmp_path) -> None:
    """Each reply sent names a decision ``allow`` (message or menu) kept in the audit trail;
    each closed session has exactly one closing decision."""
    items, decisions, sessions = asyncio.run(
        _run(script.read_text(encoding="utf-8").splitlines(), tmp_path / "db.sqlite3")
    )
    by_id = {d["id"]: d for d in decisions}
    assert len(by_id) == len(decisions)  # ids are unique
    for item in items:
        envelope = by_id.get(item.decision_id or "")
        assert envelope is not None, f"{item.item_id} has no envelope"
        assert envelope["decision"]["outcome"] == "allow"
        assert envelope["proposal"]["action"] in SENDS
        assert envelope["context"]["conversation_id"] == item.session_id
    for session in (s for s in sessions if not s.is_open):
        closing = [d for d in decisions if d["context"].get("conversation_id") == session.session_id
                   and d["proposal"]["parameters"].get("outcome") == session.outcome
                   and d["decision"]["outcome"] != "deny"]  # fmt: skip
        assert len(closing) == 1, (session.session_id, session.outcome)
