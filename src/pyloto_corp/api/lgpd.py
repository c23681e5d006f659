"""LGPD requests of a data subject, for ops holding a Bearer key (as the export).

POST /v1/lgpd/access: the person's own copy, an export with their personal data (201).
POST /v1/lgpd/erasure: delete their messages, sessions, replies, lead profile and media,
keeping the audit chain, which gains a DATA_ERASED event (200; again: a no-op).
"""

from __future__ import annotations

from typing import Any, Literal

import structlog
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.api.exports import (
    BODY_SCHEMA,
    MAX_BODY_BYTES,
    RESPONSES,
    lowercase,
    parse_body,
)
from pyloto_corp.api.openapi_models import ErasureResponse, ExportResponse
from pyloto_corp.api.ops_auth import operator_of
from pyloto_corp.api.signature import read_limited_body
from pyloto_corp.application.privacy.erase_subject import ErasureRequest
from pyloto_corp.application.records.export_conversation import LGPD_ACCESS, ExportRequest
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.ops_reason import MAX_REASON

ACCESS_PATH, ERASURE_PATH = "/v1/lgpd/access", "/v1/lgpd/erasure"


class ErasureBody(BaseModel):
    """Exactly one of ``phone`` (E.164) and ``user_key``; ``reason`` is required."""

    model_config = ConfigDict(extra="forbid", strict=True)

    phone: str = Field(default=None, max_length=32)  # type: ignore[assignment]
    user_key: str = Field(default=None, max_length=64)  # type: ignore[assignment]
    reason: str = Field(max_length=MAX_REASON)


class AccessBody(ErasureBody):
    format: Literal["txt", "md"] = "txt"

    _lowercase = field_validator("format", mode="before")(lowercase)


def _schema(*without: str) -> dict[str, Any]:
    properties = {k: v for k, v in BODY_SCHEMA["properties"].items() if k not in without}
    return {**BODY_SCHEMA, "properties": properties}


def _openapi(schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


ACCESS_RESPONSES = {**RESPONSES, 201: {"description": "Cópia do titular gravada",
                                       "model": ExportResponse}}  # fmt: skip
ERASURE_RESPONSES = {k: v for k, v in RESPONSES.items() if k not in (201, 409)}
ERASURE_RESPONSES[200] = {"description": "Dados apagados (ou nada a apagar)",
                          "model": ErasureResponse}  # fmt: skip


def build_lgpd_router(ops: OpsApi) -> APIRouter:
    router = APIRouter()

    @router.post(ACCESS_PATH, status_code=201, openapi_extra=_openapi(_schema("include_pii")),
                 responses=ACCESS_RESPONSES)  # fmt: skip
    async def subject_access(request: Request, actor: str = Depends(operator_of(ops))) -> Any:
        raw = await read_limited_body(request, MAX_BODY_BYTES)
        body = parse_body(raw, AccessBody)
        result = await ops.exports.execute(ExportRequest(
            Subject(body.phone, body.user_key), ExportFormat(body.format), body.reason, actor,
            include_pii=True, correlation_id=_correlation(), purpose=LGPD_ACCESS,
        ))  # fmt: skip
        return JSONResponse(result.to_dict(), status_code=201)

    @router.post(ERASURE_PATH, openapi_extra=_openapi(_schema("include_pii", "format")),
                 responses=ERASURE_RESPONSES)  # fmt: skip
    async def subject_erasure(request: Request, actor: str = Depends(operator_of(ops))) -> Any:
        body = parse_body(await read_limited_body(request, MAX_BODY_BYTES), ErasureBody)
        result = await ops.erasure.execute(ErasureRequest(
            Subject(body.phone, body.user_key), body.reason, actor, _correlation()
        ))  # fmt: skip
        return JSONResponse(result.to_dict(), status_code=200)

    return router


def _correlation() -> str | None:
    return structlog.contextvars.get_contextvars().get("correlation_id")
