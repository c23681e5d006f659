"""A fake Meta for load runs, in its own process: the Graph API and its status webhooks.

It accepts sends like ``POST /{version}/{phone_number_id}/messages`` and counts each
accepted send by its ``biz_opaque_callback_data`` (the outbox item), so a doubled send
shows. Like Meta, it then posts a signed ``sent`` status (with the callback data) back
to the service, retrying until one instance takes it. Faults are armed over HTTP:
``POST /_fault {"status": 500|429|400, "code": 131056, "count": n}`` answers the next n
sends with that error (nothing sent); ``{"timeout": seconds, "count": n}`` accepts the
next n sends but answers only after ``seconds`` (the client gives up: the send is
uncertain); ``{"withhold_statuses": true}`` stops the status webhooks (Meta silent: only
the wait for a status bounds a resend). ``GET /_stats`` reports the counts.

Run: ``python -m tests.load.graph_app --port P --secret S --webhooks URL[,URL]``.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections import Counter

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

STATUS_PATH = "/webhooks/whatsapp"


class FakeMeta:
    def __init__(self, secret: bytes, webhooks: list[str], phone_number_id: str) -> None:
        self.secret, self.webhooks, self.pnid = secret, webhooks, phone_number_id
        self.sends: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}
        self.counters: Counter[str] = Counter()
        self.faults: list[dict] = []
        self.withhold = False
        self._ids, self._tasks = itertools.count(1), set()
        self._client = httpx.AsyncClient(timeout=5.0)
        self._next_hook = itertools.cycle(range(max(1, len(webhooks))))

    async def messages(self, request: Request) -> JSONResponse:
        body = await request.json()
        if body.get("status") == "read":
            self.counters["read_receipts"] += 1
            return JSONResponse({"success": True})
        fault = self._take_fault()
        if fault is not None and "status" in fault:
            self.counters[f"answered_{fault['status']}"] += 1
            error = {"message": "fake", "type": "OAuthException", "code": fault.get("code", 1)}
            return JSONResponse({"error": error}, status_code=fault["status"])
        wamid = f"wamid.LOAD{next(self._ids):09d}"
        reference = body.get("biz_opaque_callback_data") or f"none:{wamid}"
        self.sends[reference] += 1
        self.times.setdefault(reference, []).append(round(time.time(), 3))
        if self.withhold:
            self.counters["statuses_withheld"] += 1
        else:
            self._spawn(self._status(wamid, body.get("to") or "", reference))
        if fault is not None:  # accepted, but the answer comes too late
            self.counters["answered_late"] += 1
            await asyncio.sleep(fault["timeout"])
        return JSONResponse({"messaging_product": "whatsapp", "messages": [{"id": wamid}]})

    def _take_fault(self) -> dict | None:
        while self.faults and self.faults[0]["count"] <= 0:
            self.faults.pop(0)
        if not self.faults:
            return None
        self.faults[0]["count"] -= 1
        return self.faults[0]

    def _spawn(self, coroutine) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _status(self, wamid: str, to: str, reference: str) -> None:
        """Meta's 'sent' status, signed, to one instance; retried (a 5xx or a dead instance)."""
        await asyncio.sleep(0.05)
        status = {"id": wamid, "status": "sent", "timestamp": str(int(time.time())),
                  "recipient_id": to, "biz_opaque_callback_data": reference}  # fmt: skip
        value = {
            "messaging_product": "whatsapp",
            "statuses": [status],
            "metadata": {"display_phone_number": "1", "phone_number_id": self.pnid},
        }
        document = {
            "object": "whatsapp_business_account",
            "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
        }
        raw = json.dumps(document, separators=(",", ":")).encode()
        signature = "sha256=" + hmac.new(self.secret, raw, hashlib.sha256).hexdigest()
        headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
        for attempt in range(200):
            url = self.webhooks[next(self._next_hook)] + STATUS_PATH
            try:
                answer = await self._client.post(url, content=raw, headers=headers)
                if answer.status_code == 200:
                    self.counters["statuses_delivered"] += 1
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(min(2.0, 0.1 * 2 ** min(attempt, 5)))
        self.counters["statuses_given_up"] += 1

    async def fault(self, request: Request) -> JSONResponse:
        fault = await request.json()
        if "withhold_statuses" in fault:
            self.withhold = bool(fault["withhold_statuses"])
        else:
            self.faults.append(fault)
        return JSONResponse({"armed": len(self.faults), "withhold_statuses": self.withhold})

    async def stats(self, _request: Request) -> JSONResponse:
        doubled = {ref: self.times[ref] for ref, n in self.sends.items() if n > 1}
        return JSONResponse({"sends": sum(self.sends.values()), "references": len(self.sends),
                             "doubled": doubled, "pending_statuses": len(self._tasks),
                             "per_reference": dict(self.sends), **self.counters})  # fmt: skip


def build(meta: FakeMeta) -> Starlette:
    return Starlette(routes=[
        Route("/{version}/{pnid}/messages", meta.messages, methods=["POST"]),
        Route("/_fault", meta.fault, methods=["POST"]),
        Route("/_stats", meta.stats, methods=["GET"]),
    ])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--webhooks", default="")
    parser.add_argument("--phone-number-id", default="106540352242922")
    args = parser.parse_args()
    hooks = [u for u in args.webhooks.split(",") if u]
    meta = FakeMeta(args.secret.encode(), hooks, args.phone_number_id)
    uvicorn.run(build(meta), host="127.0.0.1", port=args.port, log_level="warning",
                access_log=False)  # fmt: skip


if __name__ == "__main__":
    main()
