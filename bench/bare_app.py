"""The ceiling: a bare FastAPI endpoint that reads the body and answers, on the same uvicorn.

Run: ``python -m bench.bare_app PORT`` (uvicorn started exactly as ``pyloto-corp serve``).
"""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()


@app.post("/webhooks/whatsapp")
async def receive(request: Request) -> JSONResponse:
    await request.body()
    return JSONResponse({"status": "ok"})


@app.get("/readyz")
async def ready() -> dict[str, str]:
    return {"status": "ready"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_config=None,
                access_log=False, proxy_headers=True, server_header=False)  # fmt: skip
