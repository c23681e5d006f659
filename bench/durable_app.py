"""The minimal durable webhook: the reference the service is measured against (issue 24).

Verify the HMAC-SHA256 of the raw body against ``X-Hub-Signature-256: sha256=...``, parse
the JSON, insert the message into SQLite (WAL, ``synchronous=NORMAL`` as the service) in
one transaction, answer 200. Nothing else: no dedupe, no conversation, no reply. Served by
uvicorn exactly as ``pyloto-corp serve`` (same settings as ``bench/bare_app.py``).

Run: ``python -m bench.durable_app PORT SQLITE_PATH [SECRET]``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import sys

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from tests.load.processes import SECRET

_PREFIX = "sha256="


def build(path: str, secret: bytes) -> FastAPI:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, sender TEXT, body TEXT)"
    )
    app = FastAPI()

    @app.post("/webhooks/whatsapp")
    async def receive(request: Request) -> JSONResponse:
        body = await request.body()
        given = request.headers.get("x-hub-signature-256", "")
        expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
        if not given.startswith(_PREFIX) or not hmac.compare_digest(given[7:], expected):
            return JSONResponse({"status": "signature"}, status_code=401)
        document = json.loads(body)
        value = document["entry"][0]["changes"][0]["value"]
        message = value["messages"][0]
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT OR IGNORE INTO messages VALUES (?, ?, ?)",
                (message["id"], message["from"], json.dumps(message)),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return JSONResponse({"status": "ok"})

    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready"}

    return app


if __name__ == "__main__":
    key = (sys.argv[3] if len(sys.argv) > 3 else SECRET).encode()
    uvicorn.run(build(sys.argv[2], key), host="127.0.0.1", port=int(sys.argv[1]),
                log_config=None, access_log=False, proxy_headers=True,
                server_header=False)  # fmt: skip
