"""POST /v1/chatwoot/webhook/{secret}: Chatwoot tells the bot an agent answered or resolved.

Chatwoot's inbox callbacks carry no signature in every version, so the callback URL
holds a secret (CHATWOOT_WEBHOOK_SECRET), compared in constant time; a wrong one is a
404, like a path that does not exist. Events that ask nothing of the bot answer 200.
"""

from __future__ import annotations

import hmac

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


class UnknownPath(ApiError):
    status_code = 404
    code = "not_found"


def build_chatwoot_router(ops: OpsApi, desk: HandoffDesk) -> APIRouter:
    router = APIRouter()
    expected, action_of = ops.chatwoot_secret.encode(), ops.chatwoot_action

    @router.post(PATH, include_in_schema=False)
    async def chatwoot_event(secret: str, request: Request) -> JSONResponse:
        if action_of is None or not hmac.compare_digest(secret.encode(), expected):
            raise UnknownPath("Não encontrado.")
        action = action_of(parse_json(await read_limited_body(request, MAX_BODY_BYTES)))
        if action is None:
            return JSONResponse({"status": "ignored"})
        result = await desk.apply(action, ACTOR)
        outcome = result.refused.value if result.refused is not None else "ok"
        log.info("chatwoot.event", handoff_id=action.handoff_id, outcome=outcome)
        return JSONResponse({"status": outcome})

    return router
