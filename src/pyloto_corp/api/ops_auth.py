"""Who may call the ops API: a Bearer key whose SHA-256 is configured, within its rate."""

from __future__ import annotations

import math

import structlog
from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.api.errors import RateLimited, Unauthorized

log = structlog.get_logger(__name__)

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="pyloto-ops"'}
WINDOW_SECONDS = 60.0
# Declares the scheme in the OpenAPI document; the header itself is checked below.
OPS_KEY = HTTPBearer(auto_error=False, scheme_name="opsKey", description="Chave de operação")
DECLARED = Security(OPS_KEY)


def bearer_token(header: str | None) -> str | None:
    """The token of ``Authorization: Bearer <token>``; None for anything else."""
    scheme, _, token = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def operator_of(ops: OpsApi):
    """A FastAPI dependency answering the key's name, or 401 / 429 before any body is read."""

    async def operator(
        request: Request, _declared: HTTPAuthorizationCredentials | None = DECLARED
    ) -> str:
        token = bearer_token(request.headers.get("authorization"))
        name = ops.keyring.authenticate(token)
        if name is None:
            log.warning("ops.auth_failed", path=request.url.path, presented=token is not None)
            raise Unauthorized("Chave de operação ausente ou inválida.", headers=CHALLENGE)
        wait = await ops.limiter.try_acquire(f"ops:{name}", ops.requests_per_minute,
                                             WINDOW_SECONDS)  # fmt: skip
        if wait > 0:
            log.warning("ops.rate_limited", ops_key=name, path=request.url.path)
            retry = str(max(1, math.ceil(wait)))
            raise RateLimited(
                f"Limite de {ops.requests_per_minute} requisições por minuto por chave.",
                headers={"Retry-After": retry},
            )
        return name

    return operator
