"""A destination that keeps every handoff notification, for the simulation's report.

The report shows them with the contact masked and messages hidden unless
``--include-pii``.
"""

from __future__ import annotations

from typing import Any

from pyloto_corp.application.handoffs.payloads import event_body
from pyloto_corp.application.handoffs.ports import Notice


class RecordingNotifier:
    name = "simulador"
    wants_transcript = True

    def __init__(self) -> None:
        self.notices: list[Notice] = []

    async def notify(self, notice: Notice) -> dict[str, Any] | None:
        self.notices.append(notice)
        return None

    async def refused(self, handoff: Any, reason: str) -> None:
        return None

    async def aclose(self) -> None:
        return None

    def report(self, include_pii: bool) -> list[dict[str, Any]]:
        shown = []
        for notice in self.notices:
            contact = notice.contact if include_pii else notice.contact.masked()
            body = event_body(Notice(notice.event, notice.handoff, contact, notice.transcript))
            if not include_pii and body.get("message"):
                body["message"] = {**body["message"], "text": "[oculto]"}
            if not include_pii and body.get("transcript"):
                body["transcript"] = [{**line, "text": "[oculto]"} for line in body["transcript"]]
            shown.append(body)
        return shown
