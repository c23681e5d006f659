"""A small fake of Meta's Graph API on a loopback port: records requests, plays a script.

Each answer is ``(status, body)`` or ``(status, body, delay_seconds)``; when the script is
empty it answers 200 with a fresh wamid. Runs in a thread, so sync and async tests share it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Seen:
    path: str
    authorization: str | None
    body: dict[str, Any]


class FakeGraph:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.script: deque[tuple] = deque()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeGraph:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def then(self, *answers: tuple) -> FakeGraph:
        self.script.extend(answers)
        return self

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.script.clear()

    @property
    def sent(self) -> list[dict[str, Any]]:
        """Bodies of accepted message sends (not read receipts)."""
        return [r.body for r in self.requests if "status" not in r.body]

    def _answer(self, seen: Seen) -> tuple[int, dict[str, Any], float]:
        with self._lock:
            self.requests.append(seen)
            if self.script:
                status, body, *delay = self.script.popleft()
                return status, body, delay[0] if delay else 0.0
            if "status" in seen.body:
                return 200, {"success": True}, 0.0
            wamid = f"wamid.FAKE{next(self._ids)}"
            to = seen.body.get("to") or seen.body.get("recipient")
            return 200, {"messaging_product": "whatsapp", "contacts": [{"input": to}],
                         "messages": [{"id": wamid}]}, 0.0  # fmt: skip

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                seen = Seen(self.path, self.headers.get("Authorization"), body)
                status, answer, delay = graph._answer(seen)
                time.sleep(delay)
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                return None

        return Handler


def meta_error(code: int, message: str = "error") -> dict[str, Any]:
    return {"error": {"message": message, "type": "OAuthException", "code": code,
                      "fbtrace_id": "AbCdEf"}}  # fmt: skip
