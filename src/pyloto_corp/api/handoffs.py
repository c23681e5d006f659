"""The team's handoff endpoints, for ops holding a Bearer key (as the export).

GET /v1/handoffs: leads by period (``since=7d``), ``routing`` and ``status``
(open | released | failed); contact in full only with ``include_pii=true`` (audited).
POST /v1/handoffs/{handoff_id}/messages: an agent's message to the person (202).
POST /v1/handoffs/{handoff_id}/release: the person goes back to the bot.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.api.errors import ApiError, InvalidRequestBody
from pyloto_corp.api.exports import RESPONSES, parse_body
from pyloto_corp.api.openapi_models import error
from pyloto_corp.api.ops_auth import operator_of
from pyloto_corp.api.signature import read_limited_body
from pyloto_corp.application.handoffs.desk import HandoffDesk
from pyloto_corp.application.handoffs.leads import LeadsRequest
from pyloto_corp.application.handoffs.takeover import Refusal, TakeoverResult
from pyloto_corp.application.ids import new_id
from pyloto_corp.domain.ops_reason import MAX_REASON

PATH = "/v1/handoffs"
MAX_BODY_BYTES = 16 * 1024
MAX_TEXT = 4096
SINCE_PATTERN = r"^[1-9][0-9]{0,3}[dhm]$"  # a period back from now: 7d, 24h, 30m
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
QUERY_NAMES = frozenset({"since", "routing", "status", "include_pii", "limit"})
SINCE_HELP = "since: use um período como 7d, 24h ou 30m"
_REFUSALS = {
    Refusal.NOT_FOUND: (404, "Encaminhamento não encontrado."),
    Refusal.ALREADY_RELEASED: (409, "O atendimento já foi devolvido ao bot."),
    Refusal.OPTED_OUT: (409, "A pessoa pediu para não receber mensagens."),
    Refusal.WINDOW_CLOSED: (409, "Passaram 24 h da última mensagem da pessoa (regra da Meta)."),
}


class HandoffRefused(ApiError):
    def __init__(self, refusal: Refusal) -> None:
        status, message = _REFUSALS[refusal]
        super().__init__(message)
        self.status_code, self.code = status, refusal.value


class MessageBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(min_length=1, max_length=MAX_TEXT)


class ReleaseBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    reason: str = Field(default="operator", min_length=1, max_length=MAX_REASON)


def _body(schema: dict[str, Any], *, required: bool) -> dict[str, Any]:
    content = {"application/json": {"schema": schema}}
    return {"requestBody": {"required": required, "content": content}}


TEXT_BODY = _body({"type": "object", "additionalProperties": False, "required": ["text"],
                   "properties": {"text": {"type": "string", "minLength": 1,
                                           "maxLength": MAX_TEXT}}}, required=True)  # fmt: skip
RELEASE_BODY = _body({"type": "object", "additionalProperties": False, "properties": {
    "reason": {"type": "string", "minLength": 1, "maxLength": MAX_REASON}}},
    required=False)  # fmt: skip


def _ref(request: Request, handoff_id: str) -> str:
    """The caller's ``Idempotency-Key`` (a retried POST sends nothing twice), else a new id."""
    key = request.headers.get("idempotency-key", "")
    if not key:
        return new_id()
    if not IDEMPOTENCY_KEY.fullmatch(key):
        raise InvalidRequestBody("Idempotency-Key: use 1 a 64 letras, números, '-' ou '_'",
                                 fields=["Idempotency-Key"])  # fmt: skip
    return f"ops-{handoff_id}-{key}"  # a key is the caller's per handoff


def _answer(result: TakeoverResult, **extra: Any) -> dict[str, Any]:
    if result.refused is not None:
        raise HandoffRefused(result.refused)
    assert result.record is not None  # noqa: S101 - a result without refusal has its record
    return {"handoff_id": result.record.handoff_id, **extra}


ANSWERS = {k: v for k, v in RESPONSES.items() if k in (401, 413, 422, 429, 503)}
ANSWERS |= {404: error("Encaminhamento não encontrado"),
            409: error("Já devolvido, a pessoa saiu ou a janela de 24 h fechou")}  # fmt: skip


def build_handoffs_router(ops: OpsApi, desk: HandoffDesk) -> APIRouter:
    router = APIRouter()

    @router.get(PATH, responses=ANSWERS)
    async def list_handoffs(
        request: Request,
        *,
        actor: str = Depends(operator_of(ops)),
        since: str = Query(default="7d", pattern=SINCE_PATTERN, examples=["7d", "24h", "30m"]),
        routing: str | None = Query(default=None, max_length=60),
        status: Literal["open", "released", "failed"] | None = None,
        include_pii: bool = False,
        limit: int = Query(default=200, ge=1, le=1000),
    ) -> JSONResponse:
        unknown = sorted(set(request.query_params) - QUERY_NAMES)
        if unknown:
            raise InvalidRequestBody("parâmetro desconhecido", fields=unknown)
        asked = LeadsRequest(since, routing, status, limit, include_pii, actor)
        try:
            rows = await desk.leads(asked)
        except ValueError:
            raise InvalidRequestBody(SINCE_HELP, fields=["since"]) from None
        return JSONResponse({"handoffs": rows, "count": len(rows)})

    @router.post(PATH + "/{handoff_id}/messages", status_code=202, responses=ANSWERS,
                 openapi_extra=TEXT_BODY)  # fmt: skip
    async def agent_message(
        request: Request,
        handoff_id: str = Path(max_length=100),
        actor: str = Depends(operator_of(ops)),
    ) -> JSONResponse:
        body = parse_body(await read_limited_body(request, MAX_BODY_BYTES), MessageBody)
        result = await desk.reply(handoff_id, body.text, actor, ref=_ref(request, handoff_id))
        items = [item.item_id for item in result.items]
        status = "already_queued" if result.repeated else "queued"
        return JSONResponse(_answer(result, status=status, items=items), status_code=202)

    @router.post(PATH + "/{handoff_id}/release", responses=ANSWERS, openapi_extra=RELEASE_BODY)
    async def release(
        request: Request,
        handoff_id: str = Path(max_length=100),
        actor: str = Depends(operator_of(ops)),
    ) -> JSONResponse:
        raw = await read_limited_body(request, MAX_BODY_BYTES)
        body = parse_body(raw, ReleaseBody) if raw.strip() else ReleaseBody()
        result = await desk.release(handoff_id, body.reason, actor)
        return JSONResponse(_answer(result, status="released"))

    return router
