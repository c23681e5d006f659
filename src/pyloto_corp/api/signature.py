"""Meta's webhook signature: HMAC-SHA256 of the raw body bytes, checked before any parsing."""

from __future__ import annotations

import hashlib
import hmac
import re

from fastapi import Request
from starlette.requests import ClientDisconnect
from starlette.types import Receive

from pyloto_corp.api.errors import PayloadTooLarge, SignatureInvalid, SignatureMissing

SIGNATURE_HEADER = "x-hub-signature-256"
_SIGNATURE = re.compile(r"^sha256=([0-9a-fA-F]{64})\Z")


def verify_signature(body: bytes, header: str | None, secret: bytes) -> None:
    if header is None or not header.strip():
        raise SignatureMissing("Cabeçalho X-Hub-Signature-256 ausente.")
    match = _SIGNATURE.match(header.strip())
    if match is None:
        raise SignatureInvalid("Assinatura em formato inválido.")
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, match.group(1).lower()):
        raise SignatureInvalid("Assinatura não confere.")


async def read_limited_body(request: Request, limit: int) -> bytes:
    """Read the raw body, refusing (413) anything over ``limit`` bytes without buffering it."""
    return await read_body(request.receive, request.headers.get("content-length", ""), limit)


async def read_body(receive: Receive, declared: str, limit: int) -> bytes:
    """The raw body, refusing (413) anything over ``limit`` bytes without buffering it."""
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"Corpo acima de {limit} bytes.")
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"Corpo acima de {limit} bytes.")
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)
