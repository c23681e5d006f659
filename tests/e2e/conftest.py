"""Helpers for end-to-end webhook tests."""

import pytest

from tests.support import meta
from tests.support.handoff_flow import Clock
from tests.support.team_receiver import Receiver


@pytest.fixture
def deliver(client):
    """POST a document exactly as Meta would (escaped bytes, valid signature)."""

    def send(document, target=None):
        body = meta.meta_bytes(document)
        headers = {"X-Hub-Signature-256": meta.sign(body), "Content-Type": "application/json"}
        return (target or client).post("/webhooks/whatsapp", content=body, headers=headers)

    return send


@pytest.fixture
def clock() -> Clock:
    """The app's clock for handoff tests; the test moves it."""
    return Clock()


@pytest.fixture
def receiver():
    """The team's signed-webhook receiver on loopback."""
    server = Receiver().start()
    yield server
    server.stop()
