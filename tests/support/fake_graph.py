"""A small fake of Meta's Graph API on a loopback port: records requests, plays a script.

Each answer is ``(status, body)`` or ``(status, body, delay_seconds)``; when the script is
empty it answers 200 with a fresh wamid. Runs in a thread, so sync and async tests share it.
``hold_sends_after(n)`` keeps later sends waiting (not yet seen) until ``release_sends()``,
so a test can look at the service between two sends without racing a background one.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOLD_LIMIT_SECONDS = 30.0  # a test that forgets to release never hangs the server


@dataclass(frozen=True)
class Seen:
    path: str
    authorization: str | None
    body: dict[str, Any]


class FakeGraph:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.script: deque[tuple] = deque()
        self.media: dict[str, tuple[bytes, str]] = {}  # media id -> (bytes, mime type)
        self.media_script: deque[tuple[int, bytes]] = deque()  # GET answers before the real one
        self.downloads: list[Seen] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._held_after: int | None = None  # sends let through before holding the rest
        self._passed = 0
        self._gate = threading.Event()
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

    def hold_sends_after(self, count: int) -> None:
        with self._lock:
            self._held_after, self._passed = count, 0
            self._gate.clear()

    def release_sends(self) -> None:
        with self._lock:
            self._held_after = None
        self._gate.set()

    def _wait_turn(self, body: dict[str, Any]) -> None:
        """A held send waits here, before it is recorded (read receipts are never held)."""
        if "status" in body:
            return
        with self._lock:
            self._passed += 1
            held = self._held_after is not None and self._passed > self._held_after
        if held:
            self._gate.wait(HOLD_LIMIT_SECONDS)

    def reset(self) -> None:
        self.release_sends()
        with self._lock:
            self.requests.clear()
            self.script.clear()
            self.media.clear()
            self.media_script.clear()
            self.downloads.clear()

    def _media_answer(self, seen: Seen) -> tuple[int, bytes, str]:
        """``GET /{version}/{media_id}``: JSON with a download URL; ``GET /download/{id}``."""
        with self._lock:
            self.downloads.append(seen)
            if self.media_script:
                status, body = self.media_script.popleft()
                return status, body, "application/json"
        path = seen.path.split("?")[0]
        if path.startswith("/download/"):
            found = self.media.get(path.removeprefix("/download/"))
            return (200, found[0], found[1]) if found else (404, b"", "text/plain")
        media_id = path.rsplit("/", 1)[-1]
        if media_id not in self.media:
            return 400, json.dumps(meta_error(100, "invalid media id")).encode(), "application/json"
        data, mime = self.media[media_id]
        info = {"messaging_product": "whatsapp", "url": f"{self.url}/download/{media_id}",
                "mime_type": mime, "sha256": hashlib.sha256(data).hexdigest(),
                "file_size": str(len(data)), "id": media_id}  # fmt: skip
        return 200, json.dumps(info).encode(), "application/json"

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
                graph._wait_turn(body)
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

            def do_GET(self) -> None:
                seen = Seen(self.path, self.headers.get("Authorization"), {})
                status, data, content_type = graph._media_answer(seen)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                return None

        return Handler


def meta_error(code: int, message: str = "error") -> dict[str, Any]:
    return {"error": {"message": message, "type": "OAuthException", "code": code,
                      "fbtrace_id": "AbCdEf"}}  # fmt: skip
