"""POST /webhooks/whatsapp as raw ASGI, past FastAPI's routing and dependency injection.

The webhook is the hot path (issue 24): routing, the exception middleware and solving
``Depends`` for every request cost more than the HTTP server itself. This middleware sits
inside ``CorrelationMiddleware`` (correlation id, the access line, the last-resort 500) and
answers exactly as the routed endpoint would: the same size limit, the HMAC checked on the
raw bytes before any parsing, the same batch handling and the same error bodies
(``errors.answer_for``). Everything else goes on to the application.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from pyloto_corp.api.dependencies import ApiDependencies
from pyloto_corp.api.errors import answer_for
from pyloto_corp.api.signature import read_body
from pyloto_corp.api.webhook import PATH, process, verified

_LENGTH, _SIGNATURE = b"content-length", b"x-hub-signature-256"


class WebhookFastPath:
    def __init__(self, app: ASGIApp, deps: ApiDependencies) -> None:
        self.app = app
        self._deps = deps

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != PATH:
            await self.app(scope, receive, send)
            return
        try:
            response = await self._answer(scope, receive)
        except Exception as exc:
            answer = answer_for(exc)
            if answer is None:
                raise
            response = answer
        await response(scope, receive, send)

    async def _answer(self, scope: Scope, receive: Receive) -> JSONResponse:
        config = self._deps.webhook
        length, signature = "", None
        for name, value in scope["headers"]:
            if name == _LENGTH:
                length = value.decode("latin-1")
            elif name == _SIGNATURE:
                signature = value.decode("latin-1")
        body = await read_body(receive, length, config.max_body_bytes)
        verified(body, signature, config.app_secret)
        return JSONResponse(await process(body, self._deps))
