"""The embedded destination: the handoff stays in the store and one log line says so.

The line carries ids, routing and qualification only; the team reads the lead with
``pyloto-corp leads --include-pii`` or ``GET /v1/handoffs``.
"""

from __future__ import annotations

from typing import Any

import structlog

from pyloto_corp.application.handoffs.ports import Notice
from pyloto_corp.domain.handoff_events import HandoffRecord

log = structlog.get_logger(__name__)


class LogNotifier:
    name = "log"
    wants_transcript = False

    async def notify(self, notice: Notice) -> dict[str, Any] | None:
        handoff = notice.handoff
        log.info("handoff.notified", kind=notice.event.kind.value,
                 event_id=notice.event.event_id, handoff_id=handoff.handoff_id,
                 user_key=handoff.user_key, routing=handoff.routing,
                 qualification=handoff.qualification_level)  # fmt: skip
        return None

    async def refused(self, handoff: HandoffRecord, reason: str) -> None:
        return None  # replies come through the ops API, which answers the refusal itself

    async def aclose(self) -> None:
        return None
