"""Whose records an ops request is about: a phone (E.164, turned into its user_key) or a key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyloto_corp.application.errors import InvalidRequest
from pyloto_corp.domain.identity import InvalidPhone, user_key_for_phone

USER_KEY = re.compile(r"^[A-Za-z0-9_-]{43}\Z")


@dataclass(frozen=True, slots=True)
class Subject:
    phone: str | None = field(default=None, repr=False)
    user_key: str | None = None


def resolve_user_key(pepper: bytes, subject: Subject) -> str:
    """The user_key, computed from the phone exactly as the webhook computes it."""
    if (subject.phone is None) == (subject.user_key is None):
        raise InvalidRequest("phone", "informe exatamente um entre phone e user_key")
    if subject.phone is not None:
        try:
            return user_key_for_phone(pepper, subject.phone)
        except InvalidPhone as exc:
            raise InvalidRequest("phone", str(exc)) from None
    key = subject.user_key or ""
    if not USER_KEY.match(key):
        raise InvalidRequest("user_key", "user_key deve ter 43 caracteres base64url")
    return key
