"""Issue 10's done-when through the real app: a photo sent on WhatsApp lands in the media
bucket (fake-gcs-server) with only a reference in Firestore (emulator); an erasure then
leaves no message, profile or media, and the audit chain still verifies, ending in it."""

from __future__ import annotations

import asyncio
import hashlib
import json

import httpx
import pytest
from google.cloud.firestore import AsyncClient

from pyloto_corp.adapters.storage.firestore.build import build_firestore_storage
from pyloto_corp.application.records.ops_keys import hash_ops_key
from pyloto_corp.bootstrap import build_app
from pyloto_corp.domain.audit import verify_chain
from tests.conftest import make_settings
from tests.e2e.test_webhook_storage import USER_KEY
from tests.support import meta
from tests.support.ops import OPS_KEY

pytestmark = [pytest.mark.anyio, pytest.mark.firestore, pytest.mark.gcs]
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20
TS = 1_763_000_000
AUTH = {"Authorization": f"Bearer {OPS_KEY}"}


def settings(fake_graph, bucket: str, tmp_path):
    return make_settings(
        storage_backend="firestore", firestore_project_id="demo-test",
        sender_backend="graph", graph_api_base_url=fake_graph.url,
        whatsapp_access_token="EAAG-e2e-media-token", media_backend="gcs",
        gcs_bucket_media=bucket, export_local_dir=str(tmp_path / "x"),
        ops_api_keys=f"juridico:{hash_ops_key(OPS_KEY)}", outbox_retry_interval_seconds=0,
    )  # fmt: skip


async def post(client: httpx.AsyncClient, message: dict) -> None:
    body = meta.meta_bytes(meta.envelope([message]))
    response = await client.post("/webhooks/whatsapp", content=body,
                                 headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
    assert response.status_code == 200, response.text


async def wait_for_reference(storage, wamid: str) -> object:
    for _ in range(200):
        found = [m for m in await storage.conversations.list_messages(USER_KEY)
                 if m.provider_message_id == wamid and m.payload_ref is not None]  # fmt: skip
        if found:
            return found[0].payload_ref
        await asyncio.sleep(0.05)
    raise AssertionError("the photo never got its reference")


@pytest.fixture
def emulated(firestore_emulator, monkeypatch, shared_event_loop):
    firestore_emulator.wipe()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)


@pytest.mark.usefixtures("emulated")
async def test_a_photo_then_an_erasure(fake_gcs, fake_graph, tmp_path):
    bucket = fake_gcs.new_bucket()
    fake_graph.media["778899"] = (PHOTO, "image/jpeg")
    app = build_app(settings(fake_graph, bucket, tmp_path))
    photo = meta.message("image", wamid="wamid.PHOTO1", ts=TS + 30,
                         image={"id": "778899", "mime_type": "image/jpeg",
                                "sha256": hashlib.sha256(PHOTO).hexdigest()})  # fmt: skip
    storage = build_firestore_storage("demo-test")
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://pyloto"
        ) as client,
    ):
        await post(client, meta.message(text={"body": "oi, quero ser entregador"}, ts=TS))
        await post(client, photo)
        ref = await wait_for_reference(storage, "wamid.PHOTO1")
        assert ref.path == f"media/{USER_KEY}/wamid.PHOTO1.jpg"
        assert fake_gcs.object_bytes(bucket, ref.path) == PHOTO
        assert ref.sha256 == hashlib.sha256(PHOTO).hexdigest() and ref.size == len(PHOTO)
        document = await _message_document("wamid.PHOTO1")
        assert set(document["payload_ref"]) == {"path", "mime_type", "size", "sha256"}
        assert document["text"] is None and len(json.dumps(document, default=str)) < 2000
        erasure = {"phone": "+" + meta.WA_ID, "reason": "pedido do titular"}
        response = await client.post("/v1/lgpd/erasure", headers=AUTH, json=erasure)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["counts"]["media"] == 1 and answer["counts"]["messages"] == 2
    assert await storage.conversations.list_messages(USER_KEY) == []
    assert await storage.leads.get(USER_KEY) is None
    with pytest.raises(httpx.HTTPStatusError):  # the object is gone from the bucket
        fake_gcs.object_bytes(bucket, ref.path)
    events = await storage.audit.list_events(USER_KEY)
    assert verify_chain(events).valid and events[-1].action == "DATA_ERASED"
    assert events[-1].hash == answer["audit_tail_hash"]


async def _message_document(wamid: str) -> dict:
    """The message as Firestore holds it (the raw document, not what the adapter makes of it)."""
    client = AsyncClient(project="demo-test")
    snap = await client.collection("conversations").document(USER_KEY).collection(
        "messages").document(wamid).get()  # fmt: skip
    return snap.to_dict()
