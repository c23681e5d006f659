"""API errors and the single place where every typed error becomes an HTTP response."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from pyloto_corp.application.errors import (
    ConversationNotFound,
    DedupeUnavailable,
    ExportAlreadyExists,
    ExportSinkUnavailable,
    InvalidRequest,
    MediaStoreUnavailable,
    MessagesInFlight,
    StorageUnavailable,
)

RETRY_AFTER_SECONDS = "5"


class ApiError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(
        self, message: str, *, fields: list[str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.message = message
        self.fields = fields or []
        self.headers = headers


class SignatureMissing(ApiError):
    status_code = 401
    code = "signature_missing"


class SignatureInvalid(ApiError):
    status_code = 403
    code = "signature_invalid"


class VerificationFailed(ApiError):
    status_code = 403
    code = "verification_failed"


class PayloadTooLarge(ApiError):
    status_code = 413
    code = "payload_too_large"


class InvalidJson(ApiError):
    code = "invalid_json"


class InvalidPayload(ApiError):
    code = "invalid_payload"


class Unauthorized(ApiError):
    status_code = 401
    code = "unauthorized"


class RateLimited(ApiError):
    status_code = 429
    code = "rate_limited"


class InvalidRequestBody(ApiError):
    status_code = 422
    code = "invalid_request"


def error_body(code: str, message: str, fields: list[str] | None = None) -> dict[str, object]:
    error: dict[str, object] = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)  # noqa: S101 - registered for ApiError only
    body = error_body(exc.code, exc.message, exc.fields)
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def _invalid(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InvalidRequest)  # noqa: S101 - registered for InvalidRequest only
    body = error_body("invalid_request", f"{exc.field}: {exc.message}", [exc.field])
    return JSONResponse(body, status_code=422)


_RETRY = {"Retry-After": RETRY_AFTER_SECONDS}
_UNAVAILABLE = (503, "temporarily_unavailable", "Dependência indisponível; tente de novo.", _RETRY)
# Application errors whose answer never depends on the error's own content.
FIXED_ANSWERS: dict[type[Exception], tuple[int, str, str, dict[str, str] | None]] = {
    DedupeUnavailable: _UNAVAILABLE,
    StorageUnavailable: _UNAVAILABLE,
    ExportSinkUnavailable: _UNAVAILABLE,
    MediaStoreUnavailable: _UNAVAILABLE,
    MessagesInFlight: (503, "in_flight", "Mensagem em processamento; reenvie mais tarde.", _RETRY),
    ConversationNotFound: (404, "not_found", "Nenhuma conversa registrada para esta pessoa.", None),
    ExportAlreadyExists: (409, "already_exists",
                          "Já existe um export neste caminho; nada foi sobrescrito. Tente de novo.",
                          None),
}  # fmt: skip


def _fixed(status: int, code: str, message: str, headers: dict[str, str] | None):
    async def answer(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)

    return answer


async def _unprocessable(_request: Request, exc: Exception) -> JSONResponse:
    """Path and query parameters FastAPI refused: named, never echoing the values."""
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    fields = [".".join(str(p) for p in e["loc"][1:]) or "request" for e in exc.errors()]
    message = "; ".join(f"{name}: valor inválido" for name in dict.fromkeys(fields))
    return JSONResponse(error_body("invalid_request", message, fields), status_code=422)


def answer_for(exc: Exception) -> JSONResponse | None:
    """The response the registered handlers give ``exc`` (None: unhandled, a 500).

    For routes served outside FastAPI's routing (the webhook's fast path)."""
    if isinstance(exc, ApiError):
        body = error_body(exc.code, exc.message, exc.fields)
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
    if isinstance(exc, InvalidRequest):
        body = error_body("invalid_request", f"{exc.field}: {exc.message}", [exc.field])
        return JSONResponse(body, status_code=422)
    for kind in type(exc).__mro__:
        if kind in FIXED_ANSWERS:
            status, code, message, headers = FIXED_ANSWERS[kind]
            return JSONResponse(error_body(code, message), status_code=status, headers=headers)
    return None


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _unprocessable)
    app.add_exception_handler(InvalidRequest, _invalid)
    for error, answer in FIXED_ANSWERS.items():
        app.add_exception_handler(error, _fixed(*answer))
