"""/healthz (the process answers) and /readyz (every configured backend answers).

The same answers are also served on /health and /ready: Cloud Run's Google Front End
reserves some paths ending in "z" (/healthz among them) and answers them itself, so an
external monitor (uptime check, curl) must use the aliases; the probes use them too.
"""

from __future__ import annotations

import asyncio

import structlog
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from pyloto_corp.api.dependencies import ReadinessCheck

log = structlog.get_logger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0
LIVENESS_PATHS = ("/healthz", "/health")
READINESS_PATHS = ("/readyz", "/ready")


async def _run_check(name: str, check: ReadinessCheck) -> str:
    try:
        await asyncio.wait_for(check(), timeout=CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready", reported by name
        log.warning("readiness.check_failed", check=name, error=type(exc).__name__)
        return "error"
    return "ok"


def build_health_router(readiness: dict[str, ReadinessCheck]) -> APIRouter:
    router = APIRouter()

    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    async def readyz() -> JSONResponse:
        names = list(readiness)
        results = await asyncio.gather(*(_run_check(n, readiness[n]) for n in names))
        checks = dict(zip(names, results, strict=True))
        ready = all(result == "ok" for result in results)
        body = {"status": "ready" if ready else "unavailable", "checks": checks}
        return JSONResponse(body, status_code=200 if ready else 503)

    for path in LIVENESS_PATHS:
        router.add_api_route(path, healthz, methods=["GET"], name=path.strip("/"))
    for path in READINESS_PATHS:
        router.add_api_route(path, readyz, methods=["GET"], name=path.strip("/"))
    return router
