"""Batches: every entry and change, foreign numbers, statuses, duplicates and retries."""

import asyncio

from structlog.testing import capture_logs

from pyloto_corp.adapters.dedupe.memory import MemoryDedupeGate
from pyloto_corp.domain.messages import DeliveryStatus
from tests.conftest import make_settings
from tests.support import meta
from tests.support.fakes import RecordingProcessor


def two_entries_two_changes() -> dict:
    first = meta.envelope([meta.message(), meta.message()])
    second = meta.envelope([meta.message()])
    foreign = meta.envelope([meta.message()], phone_number_id="999")
    other_field = {"field": "account_update", "value": {"event": "VERIFIED"}}
    first["entry"][0]["changes"].append(other_field)
    first["entry"].append(second["entry"][0])
    first["entry"][1]["changes"].append(foreign["entry"][0]["changes"][0])
    return first


def test_every_entry_and_change_is_iterated(deliver, processor):
    """Messages in all entries and changes are processed; others are ignored and counted."""
    response = deliver(two_entries_two_changes())
    assert response.status_code == 200
    assert response.json() | {"status": "ok"} == {
        "status": "ok", "processed": 3, "duplicates": 0, "statuses": 0, "ignored": 2, "dropped": 0
    }  # fmt: skip
    assert len(processor.processed) == 3


def test_other_phone_number_ids_are_ignored(deliver, processor):
    """Events for another business number are acknowledged but never processed."""
    response = deliver(meta.envelope([meta.message()], phone_number_id="123456"))
    assert response.status_code == 200 and response.json()["ignored"] == 1
    assert processor.processed == []


def test_any_phone_number_id_accepted_when_not_configured(client_factory, processor, deliver):
    """In development without WHATSAPP_PHONE_NUMBER_ID every number is served."""
    client = client_factory(make_settings(whatsapp_phone_number_id=""), messages=processor)
    assert deliver(meta.envelope([meta.message()], phone_number_id="1"), client).status_code == 200
    assert len(processor.processed) == 1


def test_statuses_are_normalized(deliver, statuses):
    """sent/delivered/read/failed (with Meta's error code) and unknown states are all handed on."""
    items = [meta.status("wamid.A", "sent", ts=1), meta.status("wamid.A", "read", ts=3),
             meta.status("wamid.A", "delivered", ts=2), meta.status("wamid.B", "failed", ts=4,
             errors=[{"code": 131047, "title": "Re-engagement message"}]),
             meta.status("wamid.C", "played", ts=5), {"id": "wamid.D"}]  # fmt: skip
    response = deliver(meta.envelope(statuses=items))
    assert response.status_code == 200 and response.json()["dropped"] == 1
    states = [u.status for u in statuses.updates]
    assert states[:3] == [DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ]
    assert statuses.updates[3].errors[0].code == 131047
    assert statuses.updates[4].status is DeliveryStatus.UNKNOWN
    assert statuses.updates[0].recipient.value == meta.WA_ID


def test_redelivered_webhook_is_processed_once(deliver, processor):
    """At-least-once delivery: the same message twice is processed exactly once."""
    document = meta.envelope([meta.message()])
    assert deliver(document).json()["processed"] == 1
    again = deliver(document)
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    assert len(processor.processed) == 1


def test_crash_mid_processing_is_retried_by_meta(client_factory, deliver):
    """A failure answers 5xx and releases the lease, so Meta's retry processes it once."""
    flaky = RecordingProcessor(fail_times=1)
    client = client_factory(messages=flaky)
    document = meta.envelope([meta.message()])
    first = deliver(document, client)
    assert first.status_code == 500
    assert first.json()["error"]["correlation_id"] == first.headers["x-correlation-id"]
    assert deliver(document, client).json()["processed"] == 1
    assert deliver(document, client).json()["duplicates"] == 1
    assert len(flaky.processed) == 1


def test_message_held_elsewhere_answers_503_for_a_retry(client_factory, deliver):
    """If another attempt still holds the lease, answer 503 (Meta retries), never a false 200."""
    gate = MemoryDedupeGate(lease_seconds=60, done_ttl_seconds=600)
    processor = RecordingProcessor()
    client = client_factory(messages=processor, dedupe=gate)
    held, free = meta.message(), meta.message()
    asyncio.run(gate.claim(f"msg:{meta.PHONE_NUMBER_ID}:{held['id']}"))
    response = deliver(meta.envelope([held, free]), client)
    assert response.status_code == 503 and response.headers["retry-after"]
    assert [m.provider_message_id for m in processor.processed] == [free["id"]]


def test_messages_are_applied_in_timestamp_order(deliver, processor):
    """Unordered delivery inside a batch is put back in the order people wrote."""
    late, early = meta.message(ts=1_763_000_500), meta.message(ts=1_763_000_100)
    deliver(meta.envelope([late, early]))
    assert [m.provider_message_id for m in processor.processed] == [early["id"], late["id"]]


def test_change_level_errors_are_logged_by_code_and_events_still_processed(deliver, processor):
    """Meta's value.errors are recorded (codes only) and do not block the messages."""
    document = meta.envelope([meta.message()])
    document["entry"][0]["changes"][0]["value"]["errors"] = [{"code": 131000, "title": "x"}]
    with capture_logs() as entries:
        assert deliver(document).json()["processed"] == 1
    assert {"event": "webhook.value_errors", "log_level": "warning", "codes": [131000]} in entries
