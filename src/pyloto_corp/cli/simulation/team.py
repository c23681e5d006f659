"""The team's side in a simulation: ``{"agent": "..."}`` answers as the team on the newest
open handoff and ``{"release": true}`` gives every open one back to the bot."""

from __future__ import annotations

from pyloto_corp.cli.simulation.conversation import Conversation, Outbound, SimulationError
from pyloto_corp.domain.handoff_events import HandoffRecord, LeadQuery

ACTOR = "simulador"


async def _open(conv: Conversation) -> list[HandoffRecord]:
    query = LeadQuery(status="open", now=conv.clock())
    return await conv.harness.storage.handoffs.list(query)


async def release_all(conv: Conversation) -> int:
    desk = conv.harness.desk
    if desk is None:
        raise SimulationError("devolver ao bot só funciona no modo local")
    records = await _open(conv)
    for record in records:
        await desk.release(record.handoff_id, "operator", ACTOR)
    return len(records)


async def agent_says(conv: Conversation, text: str) -> list[Outbound]:
    desk = conv.harness.desk
    records = await _open(conv) if desk is not None else []
    if desk is None or not records:
        raise SimulationError("nenhum atendimento com a equipe em aberto")
    record = records[0]
    result = await desk.reply(record.handoff_id, text, ACTOR, f"sim-{conv.clock().timestamp()}")
    if result.refused is not None:
        raise SimulationError(f"a equipe não pôde responder ({result.refused.value})")
    phone = next((p for p in conv.phones if conv.user_key(p) == record.user_key), "")
    sent = [Outbound(phone, "equipe", str(item.payload.get("body") or ""),
                     session_id=item.session_id) for item in result.items]  # fmt: skip
    conv.outbound.extend(sent)
    return sent
