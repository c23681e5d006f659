"""POST /v1/exports/conversations: a forensic export, for ops holding a Bearer key.

Checks run in this order: the key (401), its rate (429), the body's size (413), JSON and
fields (422, naming fields, never echoing values), then the export itself (404, 409, 503).
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

import structlog
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pyloto_corp.api.dependencies import OpsApi
from pyloto_corp.api.errors import ApiError, InvalidRequestBody
from pyloto_corp.api.openapi_models import ExportResponse, error
from pyloto_corp.api.ops_auth import operator_of
from pyloto_corp.api.signature import read_limited_body
from pyloto_corp.api.webhook import parse_json
from pyloto_corp.application.records.export_conversation import ExportRequest
from pyloto_corp.application.records.subjects import USER_KEY, Subject
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.ops_reason import MAX_REASON, REASON_PATTERN

PATH = "/v1/exports/conversations"
Body = TypeVar("Body", bound=BaseModel)
MAX_BODY_BYTES = 16 * 1024
_MESSAGES = {
    "missing": "campo obrigatório",
    "extra_forbidden": "campo desconhecido",
    "literal_error": "formato desconhecido; use md ou txt",
    "string_type": "deve ser texto",
    "bool_type": "deve ser true ou false",
    "string_too_long": "texto longo demais",
    "model_type": "o corpo deve ser um objeto JSON",
}


def lowercase(value: Any) -> Any:
    """``"MD"`` is ``"md"``; anything that is not text is left for validation to refuse."""
    return value.lower() if isinstance(value, str) else value


class ExportBody(BaseModel):
    """Exactly one of ``phone`` (E.164) and ``user_key``; ``reason`` is required.

    ``phone`` and ``user_key`` may be left out but never be null (``str``, default None).
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    phone: str = Field(default=None, max_length=32)  # type: ignore[assignment]
    user_key: str = Field(default=None, max_length=64)  # type: ignore[assignment]
    format: Literal["txt", "md"] = "txt"
    include_pii: bool = False
    reason: str = Field(max_length=MAX_REASON)

    _lowercase = field_validator("format", mode="before")(lowercase)


# The body exactly as it is accepted (schemathesis holds the service to it, both ways).
REASON_RULE = (
    "Vai para a auditoria, que fica mesmo após uma eliminação: uma linha só, sem "
    "dados pessoais (telefone, e-mail, CPF, CNPJ: nenhuma sequência de 8 a 15 "
    "dígitos) e sem caracteres de controle de direção do texto."
)
PHONE_PATTERN = r"^[\s().-]*\+[\s().-]*[1-9](?:[\s().-]*\d){7,14}[\s().-]*$"
BODY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "phone": {"type": "string", "maxLength": 32, "pattern": PHONE_PATTERN,
                  "description": "E.164, separadores aceitos", "example": "+5542999990001"},
        "user_key": {"type": "string", "pattern": USER_KEY.pattern},
        "format": {"type": "string", "pattern": "^([tT][xX][tT]|[mM][dD])$", "default": "txt"},
        "include_pii": {"type": "boolean", "default": False},
        "reason": {"type": "string", "minLength": 1, "maxLength": MAX_REASON,
                   "pattern": REASON_PATTERN,  # the application checks this very pattern
                   "description": REASON_RULE, "example": "Pedido do jurídico, processo 123"},
    },
    "required": ["reason"],
    "oneOf": [{"required": ["phone"]}, {"required": ["user_key"]}],
}  # fmt: skip


def describe(error: ValidationError) -> InvalidRequestBody:
    fields, parts = [], []
    for item in error.errors(include_input=False):
        name = ".".join(str(p) for p in item["loc"]) or "body"
        fields.append(name)
        parts.append(f"{name}: {_MESSAGES.get(item['type'], 'valor inválido')}")
    return InvalidRequestBody("; ".join(parts), fields=fields)


def parse_body(raw: bytes, model: type[Body] = ExportBody) -> Body:  # type: ignore[assignment]
    try:
        document = parse_json(raw)
    except ApiError:
        message = "O corpo deve ser JSON válido em UTF-8."
        raise InvalidRequestBody(message, fields=["body"]) from None
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        raise describe(exc) from None


OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": BODY_SCHEMA}},
    }
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    201: {"description": "Export gravado", "model": ExportResponse},
    401: error("Chave ausente ou inválida"),
    404: error("Nenhuma conversa para esta pessoa"),
    409: error("Já existe um export neste caminho (nada foi sobrescrito)"),
    413: error("Corpo acima de 16 KiB"),
    422: error("Entrada inválida (campos nomeados, valores nunca repetidos)"),
    429: error("Limite por chave atingido (Retry-After)"),
    503: error("Armazenamento indisponível (Retry-After)"),
}


def build_exports_router(ops: OpsApi) -> APIRouter:
    router = APIRouter()

    @router.post(PATH, status_code=201, openapi_extra=OPENAPI, responses=RESPONSES)
    async def export_conversation(
        request: Request, actor: str = Depends(operator_of(ops))
    ) -> JSONResponse:
        body = parse_body(await read_limited_body(request, MAX_BODY_BYTES))
        correlation = structlog.contextvars.get_contextvars().get("correlation_id")
        result = await ops.exports.execute(
            ExportRequest(
                subject=Subject(phone=body.phone, user_key=body.user_key),
                format=ExportFormat(body.format),
                reason=body.reason,
                actor=actor,
                include_pii=body.include_pii,
                correlation_id=correlation,
            )
        )
        return JSONResponse(result.to_dict(), status_code=201)

    return router
