"""IngestWebhookEvents with hand-written fakes of its ports."""

import logging
from datetime import UTC, datetime

import pytest
import structlog
from structlog.testing import capture_logs

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.application.errors import DedupeUnavailable
from pyloto_corp.application.inbound.ingest_webhook import IngestWebhookEvents, WebhookBatch
from pyloto_corp.domain.messages import InboundMessage, MessageKind, SenderIdKind, SenderRef
from tests.support.fakes import RecordingProcessor, RecordingStatuses

pytestmark = pytest.mark.anyio


class GateThatCannotRelease(MemoryDedupeGate):
    """A gate whose backend vanishes right when a failed attempt tries to release."""

    async def release(self, claim):
        raise DedupeUnavailable("backend gone")


def inbound(wamid: str) -> InboundMessage:
    return InboundMessage(
        provider_message_id=wamid,
        phone_number_id="1",
        sender=SenderRef(SenderIdKind.WA_ID, "5542999990001"),
        sent_at=datetime(2026, 11, 23, tzinfo=UTC),
        kind=MessageKind.TEXT,
        original_type="text",
    )


@pytest.fixture
def warnings_logged():
    """Another test may have left a quieter level configured (the simulator logs errors only)."""
    kept = structlog.get_config()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG))
    yield
    structlog.configure(**kept)


@pytest.mark.usefixtures("warnings_logged")
async def test_release_failure_keeps_the_original_error_and_is_logged():
    """If the lease cannot be released, the crash still surfaces (5xx) and ops see why."""
    gate = GateThatCannotRelease(lease_seconds=30, done_ttl_seconds=60)
    ingest = IngestWebhookEvents(gate, RecordingProcessor(fail_times=1), RecordingStatuses())
    with capture_logs() as entries, pytest.raises(RuntimeError, match="simulated crash"):
        await ingest.execute(WebhookBatch(messages=(inbound("wamid.R"),)))
    assert entries[-1] == {
        "event": "inbound.lease_release_failed",
        "log_level": "warning",
        "provider_message_id": "wamid.R",
    }


async def test_counts_pass_through():
    """Ignored and dropped counts from normalization reach the report."""
    gate = MemoryDedupeGate(lease_seconds=30, done_ttl_seconds=60)
    ingest = IngestWebhookEvents(gate, RecordingProcessor(), RecordingStatuses())
    report = await ingest.execute(WebhookBatch(ignored=2, dropped=1))
    assert report.as_dict() == {
        "processed": 0, "duplicates": 0, "statuses": 0, "ignored": 2, "dropped": 1
    }  # fmt: skip
