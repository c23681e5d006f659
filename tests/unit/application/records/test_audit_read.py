"""read_chain: the events and the stored head, read until they belong together."""

import pytest

from pyloto_corp.application.records.audit_trail import READ_ATTEMPTS, read_chain
from pyloto_corp.domain.audit import AuditHead

pytestmark = pytest.mark.anyio


class MovingLog:
    """An AuditLog read side whose head moves on every read (appends that never stop)."""

    def __init__(self) -> None:
        self.head_reads = 0
        self.event_reads = 0

    async def head(self, user_key: str) -> AuditHead:
        self.head_reads += 1
        return AuditHead(f"{self.head_reads:064x}", self.head_reads)

    async def list_events(self, user_key: str) -> list:
        self.event_reads += 1
        return []


async def test_a_chain_that_never_settles_is_read_a_bounded_number_of_times():
    """After READ_ATTEMPTS the last reads are returned (the verifier then reports them)."""
    log = MovingLog()
    events, head = await read_chain(log, "uk")
    assert events == [] and log.event_reads == READ_ATTEMPTS
    assert head == AuditHead(f"{READ_ATTEMPTS + 1:064x}", READ_ATTEMPTS + 1)
