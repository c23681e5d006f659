"""POST /webhooks/whatsapp: signature over the raw bytes, size limit, JSON and shape checks."""

import json

import pytest

from tests.support import meta

URL = "/webhooks/whatsapp"


def post(client, body: bytes, signature: str | None = "auto", **headers: str):
    if signature == "auto":
        signature = meta.sign(body)
    if signature is not None:
        headers["X-Hub-Signature-256"] = signature
    return client.post(URL, content=body, headers={"Content-Type": "application/json", **headers})


def accented_payload() -> dict:
    text = {"text": {"body": "Olá! Preciso de um orçamento pra um app, é urgente 🚀🙏"}}
    return meta.envelope([meta.message(**text)])


def test_meta_signed_body_with_accents_and_emoji_is_accepted(client, processor):
    """Meta escapes unicode (\\u00e1) and signs those exact bytes: accepted and processed."""
    body = meta.meta_bytes(accented_payload())
    assert b"\\u00e1" in body and b"\\ud83d" in body
    response = post(client, body)
    assert response.status_code == 200, response.text
    assert processor.processed[0].text == "Olá! Preciso de um orçamento pra um app, é urgente 🚀🙏"


def test_same_document_reserialized_is_rejected(client, processor):
    """The signature of Meta's bytes does not match the same JSON re-serialized as UTF-8."""
    document = accented_payload()
    signature = meta.sign(meta.meta_bytes(document))
    reserialized = json.dumps(document, ensure_ascii=False).encode()
    response = post(client, reserialized, signature=signature)
    assert response.status_code == 403
    assert processor.processed == []


def test_missing_signature_is_401(client, processor):
    """No X-Hub-Signature-256 header: 401 before the body is parsed."""
    response = post(client, meta.meta_bytes(accented_payload()), signature=None)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "signature_missing"
    assert processor.processed == []


@pytest.mark.parametrize(
    "signature",
    ["sha256=" + "0" * 64, "sha1=abc", "sha256=xyz", "garbage", "sha256=" + "a" * 63],
)
def test_bad_signature_is_403(client, processor, signature):
    """A wrong or malformed signature is refused with 403 and nothing is processed."""
    response = post(client, meta.meta_bytes(accented_payload()), signature=signature)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "signature_invalid"
    assert processor.processed == []


def test_signature_with_another_secret_is_403(client):
    """A body signed with any other secret is refused."""
    body = meta.meta_bytes(accented_payload())
    assert post(client, body, signature=meta.sign(body, "other-secret")).status_code == 403


def test_uppercase_hex_signature_is_accepted(client):
    """Hex case does not matter in the signature."""
    body = meta.meta_bytes(accented_payload())
    signature = "sha256=" + meta.sign(body).removeprefix("sha256=").upper()
    assert post(client, body, signature=signature).status_code == 200


def test_body_over_limit_is_413_by_declared_length(client):
    """A Content-Length over 3 MiB is refused before reading the body."""
    body = b"{" + b" " * (3 * 1024 * 1024) + b"}"
    assert post(client, body).status_code == 413


def test_body_over_limit_is_413_when_streamed(client):
    """A chunked body (no Content-Length) is cut off as soon as it passes the limit."""
    chunk = b" " * (256 * 1024)

    def chunks():
        for _ in range(13):
            yield chunk

    response = client.post(URL, content=chunks(), headers={"X-Hub-Signature-256": "sha256=0"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "body",
    [b"not json", b"", b"\xff\xfe{}", b'{"object": NaN}', b"[" * 100_000 + b"]" * 100_000],
)
def test_signed_non_json_is_400(client, body):
    """Signed but not JSON (or not UTF-8, or NaN, or absurdly deep): 400 invalid_json."""
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


def test_wrong_object_type_is_400(client):
    """Only whatsapp_business_account events are accepted."""
    document = accented_payload() | {"object": "page"}
    response = post(client, meta.meta_bytes(document))
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == ["object"]


@pytest.mark.parametrize(
    "document",
    [[], {"object": "whatsapp_business_account"}, {"object": "whatsapp_business_account",
     "entry": "x"}, {"object": "whatsapp_business_account", "entry": [{"changes": []}]}],
)  # fmt: skip
def test_wrong_shape_is_400_naming_fields_not_values(client, document):
    """Structural errors say where the problem is and never echo the input."""
    response = post(client, meta.meta_bytes(document))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_payload" and error["fields"]


def test_change_without_metadata_is_400(client):
    """A messages change must say which business number it is for."""
    document = accented_payload()
    del document["entry"][0]["changes"][0]["value"]["metadata"]
    response = post(client, meta.meta_bytes(document))
    assert response.status_code == 400
    assert any("metadata" in f for f in response.json()["error"]["fields"])
    assert "Ana" not in response.text
