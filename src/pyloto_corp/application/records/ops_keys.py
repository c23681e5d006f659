"""Ops API keys: configured as ``name:sha256hex`` pairs, checked in constant time.

Keys are 256-bit random tokens, so a plain SHA-256 is enough to keep them out of the
settings (nothing to brute-force); the plaintext is shown once, when the key is made.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping

KEY_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}\Z")
KEY_HASH = re.compile(r"^[0-9a-f]{64}\Z")
KEY_PREFIX = "pyl_ops_"


def hash_ops_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_ops_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


class OpsKeyring:
    def __init__(self, hashes: Mapping[str, str]) -> None:
        self._hashes = dict(hashes)

    @classmethod
    def parse(cls, raw: str) -> OpsKeyring:
        """``"juridico:<sha256>,ops-ana:<sha256>"``; ValueError names the problem, not values."""
        hashes: dict[str, str] = {}
        for number, entry in enumerate((e.strip() for e in raw.split(",")), start=1):
            if not entry:
                continue
            name, _, digest = entry.partition(":")
            name, digest = name.strip(), digest.strip().lower()
            if not KEY_NAME.match(name) or not KEY_HASH.match(digest):
                raise ValueError(f"entrada {number} fora do formato nome:sha256hex")
            if name in hashes:
                raise ValueError(f"entrada {number} repete um nome")
            hashes[name] = digest
        return cls(hashes)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._hashes))

    def authenticate(self, presented: str | None) -> str | None:
        """The key's name, or None. Every configured hash is compared, in constant time."""
        if not presented:
            return None
        digest = hash_ops_key(presented).encode()
        found = None
        for name, expected in self._hashes.items():
            if hmac.compare_digest(digest, expected.encode()):
                found = name
        return found
