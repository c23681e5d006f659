"""A team's webhook on loopback: checks X-Pyloto-Signature on the raw body, keeps events.

``hold`` keeps answers waiting (a slow receiver, or one a crash cuts off); ``script``
answers with the given statuses first (500, 400...), then 200.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOLD_LIMIT_SECONDS = 30.0


class HandoffReceiver:
    def __init__(self, secret: str) -> None:
        self.secret = secret.encode()
        self.accepted: list[dict[str, Any]] = []  # answered 2xx, in arrival order
        self.seen: list[dict[str, str]] = []  # every request's headers
        self.rejected_signatures = 0
        self.script: deque[int] = deque()
        self.hold = threading.Event()  # set: answers wait until released
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/leads"

    def start(self) -> HandoffReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def release_held(self) -> None:
        self.hold.clear()
        self._release.set()

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self.accepted if kind is None or e["event"] == kind]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                receiver.seen.append(headers)
                if receiver.hold.is_set():
                    receiver._release.wait(HOLD_LIMIT_SECONDS)
                    return  # the connection is dropped without an answer
                expected = "sha256=" + hmac.new(receiver.secret, raw, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(headers.get("x-pyloto-signature", ""), expected):
                    receiver.rejected_signatures += 1
                    return self._answer(401)
                status = receiver.script.popleft() if receiver.script else 200
                if status < 300:
                    body = json.loads(raw)
                    assert body["event"] == headers["x-pyloto-event"]
                    assert body["event_id"] == headers["idempotency-key"]
                    receiver.accepted.append(body)
                return self._answer(status)

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        return Handler
