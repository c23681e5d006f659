"""Who a conversation belongs to: a pseudonymous user_key derived from the phone."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from pyloto_corp.domain.errors import DomainError

_E164 = re.compile(r"^\+[1-9]\d{7,14}\Z")
_SEPARATORS = re.compile(r"[\s().-]")
_BSUID_PREFIX = "bsuid:"


class InvalidPhone(DomainError):
    """The value is not a phone number in E.164 format (+ country code and number)."""


def parse_e164(raw: str) -> str:
    """``+55 (42) 99999-0001`` → ``+5542999990001``; anything else raises InvalidPhone."""
    compact = _SEPARATORS.sub("", raw or "")
    if not _E164.match(compact):
        raise InvalidPhone("telefone deve estar no formato E.164, ex.: +5542999990001")
    return compact


def phone_from_wa_id(wa_id: str) -> str:
    """Meta's wa_id is the E.164 number without the plus sign."""
    return parse_e164("+" + wa_id)


def _mac(pepper: bytes, subject: str) -> str:
    if not pepper:
        raise DomainError("pepper must not be empty")
    digest = hmac.new(pepper, subject.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def user_key_for_phone(pepper: bytes, phone: str) -> str:
    """base64url(HMAC_SHA256(PEPPER_SECRET, phone_e164)) without padding."""
    return _mac(pepper, parse_e164(phone))


def user_key_for_business_scoped_id(pepper: bytes, user_id: str) -> str:
    """For people Meta identifies only by a business-scoped user id (no phone shared)."""
    if not user_id:
        raise DomainError("business-scoped user id must not be empty")
    return _mac(pepper, _BSUID_PREFIX + user_id)
