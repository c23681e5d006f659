"""What the team does with handoffs (ops API, CLI, Chatwoot): list leads, reply, release.

Each action commits first, then delivers what it caused right away (the release event to
the destination, the agent's message to WhatsApp); what fails then is retried by the loops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import structlog

from pyloto_corp.application.handoffs.deliver import DeliverHandoffs
from pyloto_corp.application.handoffs.leads import LeadsRequest, ListLeads
from pyloto_corp.application.handoffs.takeover import TakeoverResult, Takeovers
from pyloto_corp.application.replies.deliver_outbox import DeliverOutbox

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class AgentReply:
    """A destination's agent answered (``ref`` names the answer: retries re-send nothing)."""

    handoff_id: str
    text: str = field(repr=False)
    ref: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """The destination closed the conversation: the person goes back to the bot."""

    handoff_id: str
    reason: str


class HandoffDesk:
    def __init__(
        self, takeovers: Takeovers, leads: ListLeads, handoffs: DeliverHandoffs,
        replies: DeliverOutbox | None,
    ) -> None:  # fmt: skip
        self._takeovers, self._leads = takeovers, leads
        self.handoffs, self._replies = handoffs, replies

    async def leads(self, request: LeadsRequest) -> list[dict[str, Any]]:
        return await self._leads.list(request)

    async def release(self, handoff_id: str, reason: str, actor: str) -> TakeoverResult:
        result = await self._takeovers.release(handoff_id, reason, actor)
        if result.events:
            log.info("handoff.released", handoff_id=handoff_id, reason=reason)
            try:
                await self.handoffs.deliver(result.events)
            except Exception as exc:  # noqa: BLE001 - stored: the retry loop delivers it
                log.warning("handoff.delivery_deferred", error=type(exc).__name__)
        return result

    async def retry(self, handoff_id: str, actor: str) -> int:
        """Failed deliveries of the handoff tried again now (and by the loop after); how many."""
        events = await self.handoffs.requeue(handoff_id)
        if events:
            log.info("handoff.requeued", handoff_id=handoff_id, events=len(events), by=actor)
            await self.handoffs.deliver(events)
        return len(events)

    async def expire(self, actor: str) -> int:
        """Takeovers past their window go back to the bot; returns how many."""
        results = await self._takeovers.expire(actor)
        events = [event for result in results for event in result.events]
        if events:
            await self.handoffs.deliver(events)
        return len(events)

    async def reply(self, handoff_id: str, text: str, actor: str, ref: str) -> TakeoverResult:
        result = await self._takeovers.reply(handoff_id, text, actor, ref)
        if result.items and result.record is not None and self._replies is not None:
            log.info("handoff.human_message", handoff_id=handoff_id, items=len(result.items))
            ids = [item.item_id for item in result.items]
            try:
                await self._replies.deliver(result.record.user_key, ids)
            except Exception as exc:  # noqa: BLE001 - stored: the outbox loop sends it
                log.warning("outbox.delivery_deferred", error=type(exc).__name__)
        return result

    async def apply(self, action: AgentReply | Resolved, actor: str) -> TakeoverResult:
        """What a destination's webhook asked for (Chatwoot)."""
        if isinstance(action, AgentReply):
            result = await self.reply(action.handoff_id, action.text, actor, action.ref)
            if result.refused is not None and result.record is not None:
                await self.handoffs.refused(result.record, result.refused.value)
            return result
        return await self.release(action.handoff_id, action.reason, actor)
