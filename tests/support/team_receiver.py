"""A team's webhook receiver on a loopback port: checks the signature, records every attempt.

It verifies ``X-Pyloto-Signature`` (``sha256=<hex HMAC-SHA256 of the raw body>``) against
the raw bytes it read, as a receiver must, and answers 401 when it does not match. Each
attempt is kept with its headers, whether it was signed right and what was answered, so a
test can see retries. ``then(500, 200)`` scripts the next answers (2xx when the script is
empty); ``hold()`` keeps requests waiting until ``let_go()``. Runs in a thread: sync tests
(TestClient) and the app's background deliveries share it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.waiting import wait_for

SECRET = "handoff-webhook-secret-0123456789"
HOLD_LIMIT_SECONDS = 30.0  # a test that forgets to let go never hangs the server


@dataclass(frozen=True)
class Attempt:
    event: str | None  # X-Pyloto-Event
    key: str | None  # Idempotency-Key
    signed: bool  # the signature matched the raw body
    status: int  # what the receiver answered
    body: dict[str, Any]


def verify(secret: str, raw: bytes, header: str | None) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return header is not None and hmac.compare_digest(expected, header)


class Receiver:
    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self._attempts: list[Attempt] = []
        self.script: deque[int] = deque()
        self.held = 0  # requests waiting at the gate now
        self._held_kind: str | None = None
        self.dropping = False
        self.seen: list[dict[str, str]] = []  # every request's headers, as they came
        self._gate = threading.Event()
        self._gate.set()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/pyloto"

    @property
    def attempts(self) -> list[Attempt]:
        with self._lock:
            return list(self._attempts)

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._gate.set()
        self._server.shutdown()
        self._server.server_close()

    def then(self, *statuses: int) -> Receiver:
        with self._lock:
            self.script.extend(statuses)
        return self

    def hold(self, kind: str | None = None, *, drop: bool = False) -> None:
        """Keep the next requests (of one event kind when given) waiting until ``let_go``;
        ``drop``: then cut them off unanswered and unrecorded (the sender died meanwhile)."""
        self._held_kind, self.dropping = kind, drop
        self._gate.clear()

    def let_go(self) -> None:
        self.dropping = False  # the requests held until now still see what they were told
        self._gate.set()

    def accepted(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Bodies of the deliveries answered 2xx (of one event kind when given), in order."""
        return [a.body for a in self.attempts if 200 <= a.status < 300 and kind in (None, a.event)]

    def wait(self, kind: str, count: int = 1, *, tick: Callable[[], object] = lambda: None,
             within: float = 10.0) -> list[dict[str, Any]]:  # fmt: skip
        """The first ``count`` accepted events of ``kind``, once they have arrived; ``tick``
        runs before each look (e.g. moves the app's clock on, so retries come due)."""

        def look() -> list[dict[str, Any]]:
            tick()
            return self.accepted(kind)

        return wait_for(look, lambda seen: len(seen) >= count,
                        f"{count} x {kind} at the receiver", within)[:count]  # fmt: skip

    def _wait_at_gate(self) -> None:
        with self._lock:
            self.held += 1
        self._gate.wait(HOLD_LIMIT_SECONDS)
        with self._lock:
            self.held -= 1

    def _record(self, headers: Any, raw: bytes) -> int:
        signed = verify(self.secret, raw, headers.get("X-Pyloto-Signature"))
        with self._lock:
            status = (self.script.popleft() if self.script else 200) if signed else 401
            body = json.loads(raw) if raw else {}
            self._attempts.append(Attempt(headers.get("X-Pyloto-Event"),
                                          headers.get("Idempotency-Key"), signed, status,
                                          body))  # fmt: skip
        return status

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.seen.append(dict(self.headers))
                if receiver._held_kind in (None, self.headers.get("X-Pyloto-Event")):
                    dropping = receiver.dropping
                    receiver._wait_at_gate()
                    if dropping:
                        return None
                status = receiver._record(self.headers, raw)
                data = b'{"ok": true}' if status < 300 else b'{"ok": false}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                return None

        return Handler
