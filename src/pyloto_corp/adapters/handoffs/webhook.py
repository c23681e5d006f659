"""The webhook destination: each event POSTed as JSON, signed like Meta signs ours.

``X-Pyloto-Signature: sha256=<hex HMAC-SHA256 of the raw body with HANDOFF_WEBHOOK_SECRET>``,
``X-Pyloto-Event: <event>`` and ``Idempotency-Key: <event_id>`` (the same on every retry
of one event). 2xx is delivered; 408, 425, 429, 5xx and timeouts are retried; any other
answer is a refusal (a wrong URL or secret does not heal by retrying).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import httpx
import orjson

from pyloto_corp.application.handoffs.payloads import event_body
from pyloto_corp.application.handoffs.ports import Notice, NotifyRejected, NotifyUnavailable
from pyloto_corp.domain.handoff_events import HandoffRecord

RETRIED = frozenset({408, 425, 429})
SIGNATURE_HEADER = "X-Pyloto-Signature"


def signature(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


class WebhookNotifier:
    name = "webhook"
    wants_transcript = True  # handoff.created carries the conversation so far

    def __init__(self, client: httpx.AsyncClient, *, url: str, secret: bytes) -> None:
        self._client, self._url, self._secret = client, url, secret

    async def notify(self, notice: Notice) -> dict[str, Any] | None:
        body = orjson.dumps(event_body(notice))
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(self._secret, body),
            "X-Pyloto-Event": notice.event.kind.value,
            "Idempotency-Key": notice.event.event_id,
            "User-Agent": "pyloto-corp-handoffs",
        }
        try:
            answer = await self._client.post(self._url, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise NotifyUnavailable("webhook_timeout") from exc
        except httpx.HTTPError as exc:
            raise NotifyUnavailable("webhook_unreachable") from exc
        status = answer.status_code
        if 200 <= status < 300:
            return None
        if status in RETRIED or status >= 500:
            raise NotifyUnavailable(f"webhook_http_{status}")
        raise NotifyRejected(f"webhook_http_{status}")

    async def refused(self, handoff: HandoffRecord, reason: str) -> None:
        return None  # replies come through the ops API, which answers the refusal itself

    async def aclose(self) -> None:
        await self._client.aclose()
