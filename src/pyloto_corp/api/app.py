"""The FastAPI application, assembled from dependencies built by the composition root."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from pyloto_corp import __version__
from pyloto_corp.api.chatwoot import build_chatwoot_router
from pyloto_corp.api.dependencies import ApiDependencies
from pyloto_corp.api.errors import register_error_handlers
from pyloto_corp.api.exports import build_exports_router
from pyloto_corp.api.handoffs import build_handoffs_router
from pyloto_corp.api.health import build_health_router
from pyloto_corp.api.lgpd import build_lgpd_router
from pyloto_corp.api.middleware import CorrelationMiddleware
from pyloto_corp.api.webhook import build_webhook_router
from pyloto_corp.api.webhook_fast import WebhookFastPath


def create_app(deps: ApiDependencies, *, public_openapi: bool = False) -> FastAPI:
    """``public_openapi``: serve /openapi.json (development and test only: in production the
    document would map every ops route for anyone; 404 there)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(loop()) for loop in deps.background]
        yield
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for hook in deps.on_shutdown:
            await hook()

    app = FastAPI(
        title="pyloto_corp",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if public_openapi else None,
    )
    register_error_handlers(app)
    app.include_router(build_webhook_router(deps))
    app.include_router(build_health_router(deps.readiness))
    if deps.ops is not None:
        app.include_router(build_exports_router(deps.ops))
        app.include_router(build_lgpd_router(deps.ops))
        if deps.ops.desk is not None:
            app.include_router(build_handoffs_router(deps.ops, deps.ops.desk))
            app.include_router(build_chatwoot_router(deps.ops, deps.ops.desk))
    app.add_middleware(WebhookFastPath, deps=deps)  # inside CorrelationMiddleware
    app.add_middleware(CorrelationMiddleware)
    return app
