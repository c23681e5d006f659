"""Hand-written fakes that implement the application's ports (no mocks)."""

from __future__ import annotations

from pyloto_corp.domain.messages import InboundMessage, StatusUpdate


class RecordingProcessor:
    """An InboundMessageProcessor that remembers what it processed; can fail N times first."""

    def __init__(self, fail_times: int = 0) -> None:
        self.processed: list[InboundMessage] = []
        self.attempts = 0
        self._fail_times = fail_times

    async def execute(self, message: InboundMessage) -> None:
        self.attempts += 1
        if self.attempts <= self._fail_times:
            raise RuntimeError("simulated crash mid-processing")
        self.processed.append(message)


class RecordingStatuses:
    def __init__(self) -> None:
        self.updates: list[StatusUpdate] = []

    async def execute(self, update: StatusUpdate) -> None:
        self.updates.append(update)
