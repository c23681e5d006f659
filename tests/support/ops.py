"""Helpers for ops API tests: a configured key, a real conversation, an export call."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pyloto_corp.application.records.ops_keys import hash_ops_key
from pyloto_corp.domain.identity import user_key_for_phone
from pyloto_corp.infra.settings import Settings
from tests.conftest import make_settings
from tests.support import meta

OPS_KEY = "pyl_ops_juridico-test-key-0123456789abcdefghijklmnop"
OTHER_KEY = "pyl_ops_ops-test-key-0123456789abcdefghijklmnopqrstu"
PHONE = "+" + meta.WA_ID
PATH = "/v1/exports/conversations"
SCRIPT = ["oi", "quero um app pra minha padaria Pão Quente em Curitiba",
          "me liga no (42) 99999-0001 ou escreve pra ana.souza@padaria.com.br"]  # fmt: skip


def ops_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values = {
        "sqlite_path": str(tmp_path / "pyloto.sqlite3"),
        "export_local_dir": str(tmp_path / "exports"),
        "media_local_dir": str(tmp_path / "media"),
        "ops_api_keys": f"juridico:{hash_ops_key(OPS_KEY)},ops:{hash_ops_key(OTHER_KEY)}",
        "outbox_retry_interval_seconds": 0,
    }
    return make_settings(**(values | overrides))


def user_key(settings: Settings) -> str:
    return user_key_for_phone(settings.pepper_secret.get_secret_value().encode(), PHONE)


def talk(client, lines: list[str] = SCRIPT, ts: int = 1_763_000_000) -> None:
    """The person writes each line through the signed webhook, as Meta delivers it."""
    for offset, line in enumerate(lines):
        body = meta.meta_bytes(meta.envelope([meta.message(ts=ts + offset * 20,
                                                           text={"body": line})]))  # fmt: skip
        response = client.post("/webhooks/whatsapp", content=body,
                               headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        assert response.status_code == 200, response.text


def export(client, body: dict[str, Any] | bytes | str, key: str | None = OPS_KEY, *,
           path: str = PATH, **headers):  # fmt: skip
    content = body if isinstance(body, bytes | str) else json.dumps(body)
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return client.post(path, content=content, headers=headers)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
