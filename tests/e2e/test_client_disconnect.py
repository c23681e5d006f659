"""A client that goes away while sending its body: one INFO line, never a logged 500.

A real uvicorn on 127.0.0.1 and a raw socket that promises more bytes than it sends, then
closes; Starlette raises ClientDisconnect from inside the webhook's body reading.
"""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator

import pytest
import uvicorn

from pyloto_corp.bootstrap import build_app
from pyloto_corp.infra.logging import configure_logging
from tests.conftest import make_settings
from tests.support.processes import free_port, wait_until


@pytest.fixture
def served() -> Iterator[tuple[int, io.StringIO]]:
    app = build_app(make_settings())
    stream = io.StringIO()
    configure_logging(json_logs=True, level="INFO", stream=stream)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started, 30, "uvicorn")
        yield port, stream
    finally:
        server.should_exit = True
        thread.join(30)
        configure_logging(json_logs=True, level="INFO")


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]


def _events(stream: io.StringIO) -> list[str]:
    return [line.get("message") for line in _lines(stream)]


def test_body_cut_by_the_client_is_logged_as_info_without_traceback(served):
    port, stream = served
    partial = b'{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": ['
    head = (
        "POST /webhooks/whatsapp HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(partial) + 4096}\r\n"
        f"X-Hub-Signature-256: sha256={'0' * 64}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + partial)
    wait_until(lambda: "http.request" in _events(stream), 30, "the access log line")
    lines = _lines(stream)
    [gone] = [line for line in lines if line["message"] == "http.client_disconnected"]
    assert gone["severity"] == "INFO" and gone["path"] == "/webhooks/whatsapp"
    assert gone.get("correlation_id")
    [access] = [line for line in lines if line["message"] == "http.request"]
    assert access["status"] == 499
    assert "http.unhandled_error" not in _events(stream)
    assert not [line for line in lines if line["severity"] in {"ERROR", "CRITICAL"}]
    output = stream.getvalue()
    assert "Traceback" not in output and "ClientDisconnect" not in output
    assert "exception" not in output


def test_a_complete_request_still_answers(served):
    """The same server answers a whole (unsigned) request normally: 401, logged as such."""
    port, stream = served
    body = b"{}"
    request = (
        "POST /webhooks/whatsapp HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 401")
    wait_until(lambda: "http.request" in _events(stream), 30, "the access log line")
    assert "http.client_disconnected" not in _events(stream)
