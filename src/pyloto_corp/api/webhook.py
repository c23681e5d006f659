"""GET (subscription handshake) and POST (events) on /webhooks/whatsapp."""

from __future__ import annotations

import hmac
import json
import re
from typing import Any

import structlog
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from pyloto_corp.api.dependencies import ApiDependencies, WebhookConfig
from pyloto_corp.api.errors import InvalidJson, InvalidPayload, VerificationFailed
from pyloto_corp.api.signature import SIGNATURE_HEADER, read_limited_body, verify_signature
from pyloto_corp.api.whatsapp.normalize import normalize, parse_envelope

log = structlog.get_logger(__name__)

PATH = "/webhooks/whatsapp"
_CHALLENGE = re.compile(r"[A-Za-z0-9._~-]{1,256}")  # fullmatch: "$" would accept "123\n"
# A \uD800-\uDFFF escape without its pair: JSON allows it, Unicode (and UTF-8) does not.
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})"
    rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def verify_subscription(params: dict[str, str], verify_token: str) -> str:
    """The challenge to echo, if Meta's handshake is genuine; else VerificationFailed."""
    if params.get("hub.mode") != "subscribe":
        raise VerificationFailed("hub.mode deve ser 'subscribe'.")
    given = params.get("hub.verify_token", "").encode()
    if not verify_token or not hmac.compare_digest(given, verify_token.encode()):
        raise VerificationFailed("hub.verify_token não confere.")
    challenge = params.get("hub.challenge", "")
    if not _CHALLENGE.fullmatch(challenge):
        raise InvalidPayload("hub.challenge ausente ou inválido.", fields=["hub.challenge"])
    return challenge


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _repaired(value: Any) -> Any:
    """Lone surrogates become U+FFFD: the message is kept, its broken character replaced."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_repaired(item) for item in value]
    if isinstance(value, dict):
        return {_repaired(k): _repaired(v) for k, v in value.items()}
    return value


def parse_json(body: bytes) -> Any:
    try:
        document = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidJson("Corpo não é JSON válido em UTF-8.") from None
    if not _LONE_SURROGATE.search(body):
        return document
    try:
        return _repaired(document)
    except RecursionError:
        raise InvalidJson("Corpo não é JSON válido em UTF-8.") from None


def verified(body: bytes, header: str | None, secret: bytes) -> bytes:
    """Raw bytes whose HMAC matched: nothing is parsed before this passes."""
    try:
        verify_signature(body, header, secret)
    except Exception:
        log.warning("webhook.signature_rejected", body_bytes=len(body))
        raise
    return body


async def process(body: bytes, deps: ApiDependencies) -> dict[str, Any]:
    """Parse a verified body and ingest its batch; the 200 answer's content."""
    batch = normalize(parse_envelope(parse_json(body)), deps.webhook.phone_number_id)
    report = (await deps.ingest.execute(batch)).as_dict()
    log.debug("webhook.processed", **report)
    return {"status": "ok", **report}


def build_webhook_router(deps: ApiDependencies) -> APIRouter:
    """The routes; POST is normally answered by ``webhook_fast`` before routing."""
    router = APIRouter()
    config: WebhookConfig = deps.webhook

    async def signed_body(request: Request) -> bytes:
        body = await read_limited_body(request, config.max_body_bytes)
        return verified(body, request.headers.get(SIGNATURE_HEADER), config.app_secret)

    @router.get(PATH, response_class=PlainTextResponse)
    async def subscribe(request: Request) -> PlainTextResponse:
        challenge = verify_subscription(dict(request.query_params), config.verify_token)
        log.info("webhook.subscription_verified")
        return PlainTextResponse(challenge, headers={"X-Content-Type-Options": "nosniff"})

    @router.post(PATH)
    async def receive(body: bytes = Depends(signed_body)) -> JSONResponse:
        return JSONResponse(await process(body, deps))

    return router
