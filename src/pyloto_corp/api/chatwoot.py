"""POST /v1/chatwoot/webhook/{secret}: Chatwoot tells the bot an agent answered or resolved.

Older Chatwoot versions sign nothing, so the callback URL holds a secret
(CHATWOOT_WEBHOOK_SECRET), compared in constant time; a wrong one is a 404, like a path
that does not exist. Versions that sign send ``X-Chatwoot-Timestamp`` and
``X-Chatwoot-Signature: sha256=<HMAC-SHA256 of "<timestamp>.<raw body>">``: with
CHATWOOT_SIGNING_SECRET set, that signature is required too (401 otherwise), and the
timestamp must be within five minutes. Events that ask nothing of the bot answer 200.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.api.errors import ApiError
from pyloto_corp.api.signature import read_limited_body
from pyloto_corp.api.webhook import parse_json
from pyloto_corp.application.handoffs.desk import HandoffDesk

log = structlog.get_logger(__name__)
PATH = "/v1/chatwoot/webhook/{secret}"
MAX_BODY_BYTES = 512 * 1024
ACTOR = "chatwoot"
FRESH_SECONDS = 300


class UnknownPath(ApiError):
    status_code = 404
    code = "not_found"


class BadSignature(ApiError):
    status_code = 401
    code = "signature_invalid"


def signed(raw: bytes, headers: Any, secret: bytes, now: float) -> bool:
    """Chatwoot's signature over ``<timestamp>.<raw body>``, with a fresh timestamp."""
    stamp = headers.get("x-chatwoot-timestamp", "")
    if not stamp.isdigit() or abs(now - int(stamp)) > FRESH_SECONDS:
        return False
    digest = hmac.new(secret, stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers.get("x-chatwoot-signature", ""), f"sha256={digest}")


def build_chatwoot_router(ops: OpsApi, desk: HandoffDesk) -> APIRouter:
    router = APIRouter()
    expected, action_of = ops.chatwoot_secret.encode(), ops.chatwoot_action
    signing = ops.chatwoot_signing_secret.encode()

    @router.post(PATH, include_in_schema=False)
    async def chatwoot_event(secret: str, request: Request) -> JSONResponse:
        if action_of is None or not hmac.compare_digest(secret.encode(), expected):
            raise UnknownPath("Não encontrado.")
        raw = await read_limited_body(request, MAX_BODY_BYTES)
        if signing and not signed(raw, request.headers, signing, time.time()):
            raise BadSignature("Assinatura do Chatwoot ausente ou inválida.")
        action = action_of(parse_json(raw))
        if action is None:
            return JSONResponse({"status": "ignored"})
        result = await desk.apply(action, ACTOR)
        outcome = result.refused.value if result.refused is not None else "ok"
        log.info("chatwoot.event", handoff_id=action.handoff_id, outcome=outcome)
        return JSONResponse({"status": outcome})

    return router
