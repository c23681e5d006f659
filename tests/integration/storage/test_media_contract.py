"""Inbound media on SQLite and the Firestore emulator, downloaded from a fake Graph API over
HTTP into a real media store: only a reference lands on the message."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import httpx
import pytest
from structlog.testing import capture_logs

from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.adapters.whatsapp.graph_media import GraphMediaSource
from pyloto_corp.application.media.fetch_media import FetchMedia
from pyloto_corp.application.media.media_jobs import JobStatus, MediaJob
from pyloto_corp.domain.audit import AuditEvent
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.media import MediaRules
from pyloto_corp.domain.messages import (
    InboundMessage,
    MediaRef,
    MessageKind,
    SenderIdKind,
    SenderRef,
)
from pyloto_corp.infra.logging import shared_processors
from tests.integration.storage.conftest import T0

pytestmark = pytest.mark.anyio
USER = "K" * 43
PHOTO = b"\xff\xd8\xff\xe0 a small jpeg " * 40
TOKEN = "EAAG-media-test-token"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self):
        return self.now


@pytest.fixture
async def setup(storage, fake_graph, tmp_path):
    clock = Clock()
    source = GraphMediaSource(httpx.AsyncClient(timeout=5), base_url=fake_graph.url,
                              version="v24.0", token=TOKEN)  # fmt: skip
    store = LocalFolderMediaStore(tmp_path / "media")
    fetch = FetchMedia(storage.media_jobs, source, store, MediaRules(max_bytes=16 * 1024 * 1024),
                       clock=clock, backoff=timedelta(seconds=30), max_attempts=3)  # fmt: skip
    yield storage, fake_graph, fetch, clock, tmp_path / "media"
    await fetch.aclose()


async def arrive(storage, clock, wamid="wamid.P1", *, kind=MessageKind.IMAGE,
                 mime="image/jpeg", media_id="1111", sha=None) -> InboundMessage:  # fmt: skip
    sender = SenderRef(SenderIdKind.WA_ID, "5542999990001")
    message = InboundMessage(wamid, "PNID", sender, clock.now, kind, kind.value,
                             media=MediaRef(media_id, mime, sha))  # fmt: skip
    stored = StoredMessage.sanitized(user_key=USER, provider_message_id=wamid,
                                     direction=Direction.IN, kind=kind.value, sent_at=clock.now,
                                     stored_at=clock.now, text=None)  # fmt: skip
    assert await storage.conversations.append_message(stored)
    return message


async def accept_and_wait(fetch, message) -> None:
    await fetch.accept(message, USER)
    for task in list(fetch._running):
        await task


async def test_a_photo_lands_in_the_bucket_and_only_its_reference_on_the_message(setup):
    storage, graph, fetch, clock, folder = setup
    graph.media["1111"] = (PHOTO, "image/jpeg")
    message = await arrive(storage, clock, sha=hashlib.sha256(PHOTO).hexdigest())
    await accept_and_wait(fetch, message)
    [stored] = await storage.conversations.list_messages(USER)
    ref = stored.payload_ref
    assert ref.path == f"media/{USER}/wamid.P1.jpg" and ref.mime_type == "image/jpeg"
    assert ref.size == len(PHOTO) and ref.sha256 == hashlib.sha256(PHOTO).hexdigest()
    assert (folder / ref.path).read_bytes() == PHOTO and stored.text is None
    assert all(seen.authorization == f"Bearer {TOKEN}" for seen in graph.downloads)
    assert (await storage.media_jobs.get(USER, "wamid.P1")).status is JobStatus.DONE
    await fetch.accept(message, USER)  # a redelivered webhook: nothing new
    assert len(graph.downloads) == 2


async def test_a_failed_download_is_retried_later(setup):
    storage, graph, fetch, clock, _ = setup
    graph.media["1111"] = (PHOTO, "image/jpeg")
    graph.media_script.extend([(500, b"{}")])
    await accept_and_wait(fetch, await arrive(storage, clock))
    job = await storage.media_jobs.get(USER, "wamid.P1")
    assert job.status is JobStatus.PENDING and job.attempts == 1 and job.due_at > clock.now
    assert await fetch.run_due() == 0  # not yet due
    clock.now = job.due_at
    assert await fetch.run_due() == 1
    [stored] = await storage.conversations.list_messages(USER)
    assert stored.payload_ref is not None


@pytest.mark.parametrize(
    ("mime", "data", "status", "reason"),
    [
        ("application/x-msdownload", b"MZ", JobStatus.REFUSED, "mime_not_allowed"),
        ("image/jpeg", b"x" * (5 * 1024 * 1024 + 1), JobStatus.REFUSED, "too_large"),
    ],
)
async def test_what_is_not_allowed_is_never_stored(setup, mime, data, status, reason):
    storage, graph, fetch, clock, folder = setup
    graph.media["1111"] = (data, mime)
    await accept_and_wait(fetch, await arrive(storage, clock, mime=mime))
    job = await storage.media_jobs.get(USER, "wamid.P1")
    assert job.status is status and job.error == reason
    assert not folder.exists() or not any(folder.rglob("*.*"))
    [stored] = await storage.conversations.list_messages(USER)
    assert stored.payload_ref is None


async def test_gone_media_fails_and_retries_end(setup):
    storage, graph, fetch, clock, _ = setup
    await accept_and_wait(fetch, await arrive(storage, clock, media_id="9999"))
    assert (await storage.media_jobs.get(USER, "wamid.P1")).status is JobStatus.FAILED
    graph.media["2222"] = (PHOTO, "image/jpeg")
    wrong = hashlib.sha256(b"other").hexdigest()  # every download mismatches: broken, retried
    await accept_and_wait(
        fetch, await arrive(storage, clock, "wamid.P2", media_id="2222", sha=wrong)
    )
    for _ in range(3):
        clock.now += timedelta(hours=1)
        await fetch.run_due()
    job = await storage.media_jobs.get(USER, "wamid.P2")
    assert job.status is JobStatus.FAILED and job.attempts == 3 and job.error == "ChecksumMismatch"


async def test_media_erased_during_the_download_is_not_kept(setup):
    storage, graph, fetch, clock, folder = setup
    graph.media["1111"] = (PHOTO, "image/jpeg")
    await arrive(storage, clock)
    await storage.media_jobs.enqueue(MediaJob(USER, "wamid.P1", "1111", "image", clock.now,
                                              clock.now, "image/jpeg"))  # fmt: skip
    job = await storage.media_jobs.get(USER, "wamid.P1")

    async def erase(_media_id, _max):  # the person is erased while the bytes come in
        await storage.subjects.erase_subject(USER, media=0, at=clock.now, draft_for=_draft)
        return await GraphMediaSource.fetch(fetch._source, "1111", _max)

    fetch._source.fetch = erase
    assert await fetch.run(job) is JobStatus.FAILED
    assert not any(folder.rglob("*.jpg")) and await storage.conversations.list_messages(USER) == []


def _draft(counts, opted_out):
    return AuditEvent("erasure:t", USER, T0.isoformat(), "juridico", "DATA_ERASED", "teste",
                      details={"counts": counts.as_dict()})  # fmt: skip


async def test_without_a_declared_type_metas_answer_decides(setup):
    """No mime_type in the webhook: the type Meta's media endpoint states is checked instead."""
    storage, graph, fetch, clock, folder = setup
    graph.media["1111"] = (PHOTO, "image/png")
    await accept_and_wait(fetch, await arrive(storage, clock, mime=None))
    [stored] = await storage.conversations.list_messages(USER)
    assert stored.payload_ref.path.endswith("wamid.P1.png")
    assert (folder / stored.payload_ref.path).read_bytes() == PHOTO


@pytest.mark.pii_logs
async def test_media_logs_carry_ids_only(setup):
    """No caption, URL or token in the logs of a download, refused or stored."""
    storage, graph, fetch, clock, _ = setup
    graph.media["1111"] = (PHOTO, "image/jpeg")
    with capture_logs(processors=shared_processors()) as entries:
        await accept_and_wait(fetch, await arrive(storage, clock))
        await accept_and_wait(fetch, await arrive(storage, clock, "wamid.P2", mime="app/x"))
    assert {e["event"] for e in entries} >= {"media.stored", "media.not_stored"}
    text = repr(entries)
    assert TOKEN not in text and graph.url not in text and "5542999990001" not in text
