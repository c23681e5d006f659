"""POST /v1/chatwoot/webhook/{secret}: the URL's secret, and Chatwoot's signature when set."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from tests.conftest import make_settings

URL_SECRET = "url-secret-0123456789abcdef"
SIGNING = "signing-secret-0123456789"
CHATWOOT = {"handoff_backend": "chatwoot", "chatwoot_base_url": "http://127.0.0.1:9",
            "chatwoot_account_id": 1, "chatwoot_inbox_id": 2, "chatwoot_api_token": "tok",
            "chatwoot_webhook_secret": URL_SECRET}  # fmt: skip
EVENT = json.dumps({"event": "conversation_created", "id": 1}).encode()


def _signed(body: bytes, stamp: int, secret: str = SIGNING) -> dict[str, str]:
    digest = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Chatwoot-Timestamp": str(stamp), "X-Chatwoot-Signature": f"sha256={digest}",
            "Content-Type": "application/json"}  # fmt: skip


def test_a_wrong_url_secret_is_a_path_that_does_not_exist(client_factory):
    client = client_factory(make_settings(**CHATWOOT))
    assert client.post("/v1/chatwoot/webhook/errado", content=EVENT).status_code == 404
    answer = client.post(f"/v1/chatwoot/webhook/{URL_SECRET}", content=EVENT)
    assert answer.status_code == 200 and answer.json() == {"status": "ignored"}


def test_without_the_chatwoot_backend_there_is_no_route(client_factory):
    client = client_factory(make_settings())
    assert client.post(f"/v1/chatwoot/webhook/{URL_SECRET}", content=EVENT).status_code == 404


def test_a_signing_secret_makes_the_signature_required(client_factory):
    client = client_factory(make_settings(**CHATWOOT, chatwoot_signing_secret=SIGNING))
    path, now = f"/v1/chatwoot/webhook/{URL_SECRET}", int(time.time())
    assert client.post(path, content=EVENT).status_code == 401
    assert client.post(path, content=EVENT, headers=_signed(EVENT, now, "x")).status_code == 401
    stale = _signed(EVENT, now - 3600)
    assert client.post(path, content=EVENT, headers=stale).status_code == 401
    assert client.post(path, content=EVENT, headers=_signed(EVENT, now)).status_code == 200


def test_a_body_that_is_not_json_is_refused(client_factory):
    client = client_factory(make_settings(**CHATWOOT))
    answer = client.post(f"/v1/chatwoot/webhook/{URL_SECRET}", content=b"{not json")
    assert answer.status_code == 400
