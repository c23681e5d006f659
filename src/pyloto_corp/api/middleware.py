"""Correlation ids, one access log line per request, and a last-resort 500 handler.

A client that disconnects mid-body is not an error of ours: logged at INFO, status 499.
"""

from __future__ import annotations

import json
import re
import time

import structlog
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pyloto_corp.api.trace_context import TraceContext, trace_from_headers
from pyloto_corp.application.ids import new_id

log = structlog.get_logger(__name__)

CORRELATION_HEADER = "x-correlation-id"
CLIENT_CLOSED = 499  # the client went away before the answer (nginx's code; never sent)
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# Answered 200, these requests are logged per message by the application (one INFO line
# per inbound message, issue 24): their access line goes to DEBUG.
QUIET_WHEN_OK = frozenset({"/webhooks/whatsapp"})


def correlation_from_headers(headers: dict[str, str]) -> tuple[str, TraceContext | None]:
    """The request's correlation id (its trace id when traced) and trace context."""
    trace = trace_from_headers(headers)
    if trace:
        return trace.trace_id, trace
    request_id = headers.get("x-request-id", "").strip()
    if _SAFE_ID.fullmatch(request_id):
        return request_id, None
    return new_id(), None


class CorrelationMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        correlation_id, trace = correlation_from_headers(headers)
        context: dict[str, object] = {"correlation_id": correlation_id}
        if trace:
            context |= trace.log_fields()
        structlog.contextvars.bind_contextvars(**context)
        started = time.perf_counter()
        status = {"code": 500, "sent": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["sent"] = message["status"], True
                message["headers"] = [
                    *message.get("headers", []),
                    (CORRELATION_HEADER.encode(), correlation_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except ClientDisconnect:  # the body was cut by the client: nobody left to answer
            log.info("http.client_disconnected", path=_route(scope))
            if not status["sent"]:
                status["code"] = CLIENT_CLOSED
        except Exception:
            log.exception("http.unhandled_error", path=_route(scope))
            if not status["sent"]:
                await _send_internal_error(send_with_id, correlation_id)
        finally:
            elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
            quiet = status["code"] == 200 and scope["path"] in QUIET_WHEN_OK
            (log.debug if quiet else log.info)(
                "http.request",
                method=scope["method"],
                path=_route(scope),
                status=status["code"],
                duration_ms=elapsed_ms,
            )
            structlog.contextvars.unbind_contextvars(*context)


def _route(scope: Scope) -> str:
    """The matched route's template ("/v1/chatwoot/webhook/{secret}"): a secret or an id
    in the path never reaches the logs; the raw path only when nothing matched."""
    route = getattr(scope.get("route"), "path", None)
    return route if isinstance(route, str) else scope["path"]


async def _send_internal_error(send: Send, correlation_id: str) -> None:
    body = json.dumps(
        {
            "error": {
                "code": "internal_error",
                "message": "Erro interno; a Meta reenviará o evento.",
                "correlation_id": correlation_id,
            }
        }
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})
