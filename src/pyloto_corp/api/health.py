"""/healthz (the process answers) and /readyz (every configured backend answers)."""

from __future__ import annotations

import asyncio

import structlog
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from pyloto_corp.api.dependencies import ReadinessCheck

log = structlog.get_logger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0


async def _run_check(name: str, check: ReadinessCheck) -> str:
    try:
        await asyncio.wait_for(check(), timeout=CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready", reported by name
        log.warning("readiness.check_failed", check=name, error=type(exc).__name__)
        return "error"
    return "ok"


def build_health_router(readiness: dict[str, ReadinessCheck]) -> APIRouter:
    router = APIRouter()

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz() -> JSONResponse:
        names = list(readiness)
        results = await asyncio.gather(*(_run_check(n, readiness[n]) for n in names))
        checks = dict(zip(names, results, strict=True))
        ready = all(result == "ok" for result in results)
        body = {"status": "ready" if ready else "unavailable", "checks": checks}
        return JSONResponse(body, status_code=200 if ready else 503)

    return router
