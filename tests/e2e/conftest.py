"""Helpers for end-to-end webhook tests."""

import pytest

from tests.support import meta


@pytest.fixture
def deliver(client):
    """POST a document exactly as Meta would (escaped bytes, valid signature)."""

    def send(document, target=None):
        body = meta.meta_bytes(document)
        headers = {"X-Hub-Signature-256": meta.sign(body), "Content-Type": "application/json"}
        return (target or client).post("/webhooks/whatsapp", content=body, headers=headers)

    return send
