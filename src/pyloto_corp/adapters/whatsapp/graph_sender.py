"""The WhatsApp Cloud API sender: pooled async HTTP, typed errors, bounded retries.

Only failures that cannot have sent anything (5xx, connection refused or timed out
before the request left, Meta's temporary codes) are retried here, a few times with
jittered exponential backoff. A send whose request left but whose answer never came
(read timeout, dropped connection) may have been delivered: it is never retried here
but raised as ``Uncertain``, so the delivery use case waits for Meta's status webhook
instead of sending twice. A payload that breaks a Meta limit is refused before any
request.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import structlog

from pyloto_corp.adapters.whatsapp.graph_errors import classify
from pyloto_corp.adapters.whatsapp.graph_payloads import message_body, read_body
from pyloto_corp.application.replies.send_errors import (
    InvalidPayload,
    SendError,
    Transient,
    Uncertain,
    recipient_error,
)
from pyloto_corp.domain.outbound import Recipient, problems

log = structlog.get_logger(__name__)
MIN_ATTEMPT_SECONDS = 0.2


class GraphApiSender:
    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        version: str,
        phone_number_id: str,
        token: str,
        attempts: int = 3,
        base_delay: float = 0.25,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._client, self._token = client, token
        self._timeout = client.timeout.read or 10.0
        self._url = f"{base_url.rstrip('/')}/{version}/{phone_number_id}/messages"
        self._attempts, self._base_delay, self._sleep = attempts, base_delay, sleep

    async def send(
        self, recipient: Recipient, reply: dict[str, Any], reference: str | None = None,
        budget: float | None = None,
    ) -> str | None:  # fmt: skip
        """Meta's id for the sent message (None if Meta accepted it but named no id)."""
        wrong = problems(reply)
        if wrong:
            raise InvalidPayload(None, "; ".join(wrong))
        unreachable = recipient_error(recipient)  # the value is never logged nor sent
        if unreachable is not None:
            raise unreachable
        body = message_body(recipient, reply)
        if reference:
            body["biz_opaque_callback_data"] = reference
        answer = await self._post(body, idempotent=False, budget=budget)
        messages = answer.get("messages") if isinstance(answer, dict) else None
        first = messages[0] if isinstance(messages, list) and messages else None
        wamid = first.get("id") if isinstance(first, dict) else None
        return wamid if isinstance(wamid, str) and wamid else None

    async def mark_read(self, message_id: str, *, typing: bool = True) -> None:
        await self._post(read_body(message_id, typing=typing), idempotent=True)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _post(
        self, body: dict[str, Any], *, idempotent: bool, budget: float | None = None
    ) -> Any:
        """``budget``: seconds this send may take in all (no attempt starts or runs past it)."""
        deadline = None if budget is None else time.monotonic() + budget
        for attempt in range(self._attempts):
            timeout = None if deadline is None else deadline - time.monotonic()
            if timeout is not None and timeout <= MIN_ATTEMPT_SECONDS:
                raise Transient(None, "no time left for another attempt")
            error = await self._once(body, timeout)
            if isinstance(error, Uncertain) and idempotent:
                error = Transient(None, error.args[0])
            if not isinstance(error, SendError):
                return error
            if error.retry != "later" or attempt == self._attempts - 1:
                raise error
            log.warning("graph.retrying", attempt=attempt + 1, error=type(error).__name__)
            delay = self._base_delay * 2**attempt
            await self._sleep(delay / 2 + random.uniform(0, delay / 2))  # noqa: S311 - jitter
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, body: dict[str, Any], seconds: float | None = None) -> Any:
        headers = {"Authorization": f"Bearer {self._token}"}
        limit = httpx.USE_CLIENT_DEFAULT if seconds is None else min(seconds, self._timeout)
        try:
            response = await self._client.post(self._url, json=body, headers=headers,
                                               timeout=limit)  # fmt: skip
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            return Transient(None, type(exc).__name__)  # the request never left
        except httpx.TransportError as exc:
            return Uncertain(None, type(exc).__name__)  # it left; Meta may have sent it
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.is_success:
            return data
        return classify(response.status_code, data)
