"""DeliverHandoffs over SQLite with a scripted destination: retries, order, failures."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta

import pytest
from structlog.testing import capture_logs

from pyloto_corp.adapters.handoffs.log import LogNotifier
from pyloto_corp.adapters.handoffs.webhook import WebhookNotifier
from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.application.handoffs.deliver import DeliverHandoffs, HandoffLimits
from pyloto_corp.application.handoffs.ports import Notice, NotifyRejected, NotifyUnavailable
from pyloto_corp.application.inbound.turns import TurnWrites
from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.handoff_events import (
    DeliveryState,
    EventKind,
    HandoffEvent,
    HandoffRecord,
    LeadQuery,
)
from pyloto_corp.domain.records import LeadProfile

pytestmark = pytest.mark.anyio
USER = "uk_deliver"
T0 = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class Destination:
    name, wants_transcript = "teste", True

    def __init__(self, *answers: Exception | None) -> None:
        self.answers, self.notices = deque(answers), []
        self.closed = False

    async def notify(self, notice: Notice) -> dict | None:
        self.notices.append(notice)
        answer = self.answers.popleft() if self.answers else None
        if answer is not None:
            raise answer
        return {"remote_id": 1} if notice.event.kind is EventKind.CREATED else None

    async def refused(self, handoff, reason: str) -> None:
        raise RuntimeError("destination down")

    async def aclose(self) -> None:
        self.closed = True


@pytest.fixture
async def storage(tmp_path):
    built = build_sqlite_storage(tmp_path / "h.sqlite3")
    record = HandoffRecord("s1-1", USER, "s1", "custom_software", T0, T0 + timedelta(hours=24),
                           {"summary": "• Assunto: sistema"})  # fmt: skip
    events = (HandoffEvent("s1-1", 1, EventKind.CREATED, USER, T0, T0),
              HandoffEvent("s1-1", 2, EventKind.MESSAGE, USER, T0, T0, {"text": "oi"}))  # fmt: skip
    await built.turns.run_turn(USER, lambda s: TurnWrites(handoffs=(record,), events=events))
    await built.leads.put(LeadProfile(USER, T0, phone="+5542999990001", name="Ana"))
    yield built
    await built.close()


def delivery(storage, destination, clock, attempts: int = 3) -> DeliverHandoffs:
    ids = iter(range(1000))
    return DeliverHandoffs(storage, destination, clock=clock, new_token=lambda: f"t{next(ids)}",
                           actor="Otto", limits=HandoffLimits(max_attempts=attempts))  # fmt: skip


async def test_events_are_delivered_in_order_with_the_contact(storage):
    destination, clock = Destination(), Clock()
    report = await delivery(storage, destination, clock).retry_due()
    assert report.delivered == 2 and [n.event.seq for n in destination.notices] == [1, 2]
    assert destination.notices[0].contact.phone == "+5542999990001"
    record = await storage.handoffs.get("s1-1")
    assert record.delivery is DeliveryState.DELIVERED and record.remote == {"remote_id": 1}
    actions = [e.action for e in await storage.audit.list_events(USER)]
    assert actions == ["HANDOFF_DELIVERED"]


async def test_an_unavailable_destination_is_tried_again_later(storage):
    destination, clock = Destination(NotifyUnavailable("x_http_503")), Clock()
    deliver = delivery(storage, destination, clock)
    with capture_logs() as logs:
        first = await deliver.retry_due()
    assert first.deferred == 2 and first.delivered == 0  # the message waits for the first
    assert "Ana" not in str(logs) and "oi" not in str(logs)
    clock.now += timedelta(minutes=20)
    second = await deliver.retry_due()
    assert second.delivered == 2 and len(destination.notices) == 3


async def test_a_refusal_fails_the_lead_at_once(storage):
    destination, clock = Destination(NotifyRejected("x_http_400")), Clock()
    report = await delivery(storage, destination, clock).retry_due()
    assert report.failed == 1
    failed = await storage.handoffs.list(LeadQuery(status="failed"))
    assert [r.handoff_id for r in failed] == ["s1-1"]


async def test_attempts_run_out(storage):
    boom = [RuntimeError("bug")] * 10
    destination, clock = Destination(*boom), Clock()
    deliver = delivery(storage, destination, clock, attempts=2)
    for _ in range(4):
        await deliver.retry_due()
        clock.now += timedelta(hours=1)
    [created, _] = await storage.handoffs.events("s1-1")
    assert created.status is DeliveryState.FAILED and created.error == "RuntimeError"
    assert created.attempts == 2


async def test_an_erased_handoff_is_not_delivered(storage):
    await storage.subjects.erase_subject(USER, media=0, at=T0, draft_for=_erased)
    destination = Destination()
    event = HandoffEvent("s1-1", 1, EventKind.CREATED, USER, T0, T0)
    await storage.turns.run_turn(USER, lambda s: TurnWrites(events=(event,)))
    report = await delivery(storage, destination, Clock()).deliver([event])
    assert report.failed == 1 and destination.notices == []


async def test_background_delivery_and_close(storage):
    destination, clock = Destination(), Clock()
    deliver = delivery(storage, destination, clock)
    deliver.soon(await storage.handoffs.list_due(clock.now))
    await deliver.aclose()
    assert len(destination.notices) == 2 and destination.closed


async def test_the_transcript_goes_with_the_created_event(storage):
    destination = Destination()
    await delivery(storage, destination, Clock()).retry_due()
    assert destination.notices[0].transcript == () and destination.notices[1].transcript == ()


def _erased(counts, opted_out):
    return AuditEvent("erase", USER, T0.isoformat(), "ops", "DATA_ERASED", "pedido")


async def test_a_refused_lead_is_delivered_when_tried_again(storage):
    destination, clock = Destination(NotifyRejected("x_http_404")), Clock()
    deliver = delivery(storage, destination, clock)
    await deliver.retry_due()
    requeued = await deliver.requeue("s1-1")  # the message went through; the lead did not
    assert [e.seq for e in requeued] == [1]
    report = await deliver.deliver(requeued)
    assert report.delivered == 1
    assert (await storage.handoffs.get("s1-1")).delivery is DeliveryState.DELIVERED


async def test_telling_an_agent_of_a_refusal_never_fails_the_caller(storage):
    deliver = delivery(storage, Destination(), Clock())
    record = await storage.handoffs.get("s1-1")
    with capture_logs() as logs:
        await deliver.refused(record, "window_closed")
    told = [e["event"] for e in logs if e.get("handoff_id") == record.handoff_id]
    assert told == ["handoff.refusal_not_told"]  # other tests' background tasks may log too
    assert await LogNotifier().refused(record, "x") is None
    assert await WebhookNotifier(None, url="http://127.0.0.1:9", secret=b"s").refused(
        record, "x") is None  # fmt: skip
