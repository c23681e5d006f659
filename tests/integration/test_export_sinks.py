"""One ExportSink contract on the local folder and on Cloud Storage (fake-gcs-server)."""

from __future__ import annotations

import hashlib
import stat
from datetime import timedelta

import httpx
import pytest
from google.api_core.retry import Retry
from google.auth.credentials import AnonymousCredentials
from google.cloud import storage

from pyloto_corp.adapters.exports.gcs import GcsExportSink
from pyloto_corp.adapters.exports.local import LocalFolderExportSink
from pyloto_corp.application.errors import ExportAlreadyExists, ExportSinkUnavailable
from tests.support.fake_gcs import FakeGcsServer
from tests.support.signing import service_account_credentials

PATH = "exports/conversations/KEY/20261123T120000.000000Z_history.txt"
ORIGINAL, OTHER = b"export original\n", b"outro conteudo\n"
TYPE = "text/plain; charset=utf-8"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Backend:
    """A sink plus a way to read back what it stored, independent of the sink."""

    def __init__(self, sink, read) -> None:
        self.sink, self.read = sink, read


@pytest.fixture(params=["local", pytest.param("gcs", marks=pytest.mark.gcs)])
def backend(request, tmp_path) -> Backend:
    if request.param == "local":
        sink = LocalFolderExportSink(tmp_path / "exports")
        return Backend(
            sink, lambda path: (tmp_path / "exports" / path.removeprefix("exports/")).read_bytes()
        )
    gcs: FakeGcsServer = request.getfixturevalue("fake_gcs")
    bucket = gcs.new_bucket()
    client = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    sink = GcsExportSink(client, bucket, signed_url_ttl=timedelta(minutes=15))
    return Backend(sink, lambda path: gcs.object_bytes(bucket, path))


async def save(backend: Backend, data: bytes, path: str = PATH):
    return await backend.sink.save(path, data, content_type=TYPE, sha256=sha(data))


@pytest.mark.anyio
async def test_saved_bytes_read_back_exactly(backend):
    """What is saved is what is stored, at the path asked for."""
    stored = await save(backend, ORIGINAL)
    assert stored.path == PATH
    assert backend.read(PATH) == ORIGINAL


@pytest.mark.anyio
async def test_other_bytes_never_overwrite(backend):
    """Create-only: a second, different file at the same path is refused; the first stays."""
    await save(backend, ORIGINAL)
    with pytest.raises(ExportAlreadyExists):
        await save(backend, OTHER)
    assert backend.read(PATH) == ORIGINAL


@pytest.mark.anyio
async def test_the_same_bytes_again_is_a_retried_upload(backend):
    """An upload retried after a lost answer finds its own bytes and succeeds."""
    first = await save(backend, ORIGINAL)
    again = await save(backend, ORIGINAL)
    assert again.uri == first.uri and backend.read(PATH) == ORIGINAL


@pytest.mark.anyio
async def test_local_files_are_read_only_and_stay_inside_the_folder(tmp_path):
    """The file is made read-only; a path escaping the folder is refused; no temp file left."""
    sink = LocalFolderExportSink(tmp_path)
    stored = await sink.save(PATH, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL))
    target = tmp_path / PATH.removeprefix("exports/")
    assert stored.uri == target.as_uri()
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    for escaping in ("../outside.txt", "exports/../../x.txt", ""):
        with pytest.raises(ValueError):
            await sink.save(escaping, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL))


@pytest.mark.anyio
async def test_local_folder_holds_one_exports_level_and_retention_reads_it(tmp_path):
    """EXPORT_LOCAL_DIR is the exports folder: no var/exports/exports; paths stay canonical."""
    sink = LocalFolderExportSink(tmp_path / "exports")
    stored = await save(Backend(sink, None), ORIGINAL)
    on_disk = tmp_path / "exports" / "conversations" / "KEY" / PATH.rsplit("/", 1)[1]
    assert on_disk.read_bytes() == ORIGINAL and stored.uri == on_disk.as_uri()
    assert not (tmp_path / "exports" / "exports").exists()
    assert [o.path for o in await sink.list_objects("exports/")] == [PATH]
    assert [o.path for o in await sink.list_objects("exports/conversations/")] == [PATH]
    assert await sink.list_objects("exports/nothing/") == []
    assert await sink.delete(PATH) is True and not on_disk.exists()
    assert await sink.delete(PATH) is False


@pytest.mark.anyio
async def test_local_folder_that_cannot_be_written_is_unavailable(tmp_path):
    """A root that is a file (or unwritable) is ExportSinkUnavailable, not a crash."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(ExportSinkUnavailable):
        await LocalFolderExportSink(blocker).save(PATH, ORIGINAL, content_type=TYPE,
                                                  sha256=sha(ORIGINAL))  # fmt: skip


@pytest.mark.gcs
@pytest.mark.anyio
async def test_gcs_object_carries_type_and_hash_and_gs_uri(fake_gcs):
    """gs://bucket/path, the content type asked for, the SHA-256 in metadata."""
    bucket = fake_gcs.new_bucket()
    client = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    stored = await GcsExportSink(client, bucket, signed_url_ttl=None).save(
        PATH, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL)
    )
    blob = client.bucket(bucket).get_blob(PATH)
    assert stored.uri == f"gs://{bucket}/{PATH}" and stored.signed_url is None
    assert blob.content_type == TYPE and blob.metadata == {"sha256": sha(ORIGINAL)}


@pytest.mark.gcs
@pytest.mark.anyio
async def test_gcs_unreachable_or_missing_bucket_is_unavailable(fake_gcs, monkeypatch):
    """No bucket, or nobody listening: ExportSinkUnavailable within the retry budget."""
    client = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    quick = Retry(initial=0.05, maximum=0.1, timeout=0.5)
    with pytest.raises(ExportSinkUnavailable):
        await GcsExportSink(client, "no-such-bucket", signed_url_ttl=None, retry=quick).save(
            PATH, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL))  # fmt: skip
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9")
    down = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    with pytest.raises(ExportSinkUnavailable):
        await GcsExportSink(down, "b", signed_url_ttl=None, retry=quick).save(
            PATH, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL))  # fmt: skip


@pytest.mark.gcs
@pytest.mark.anyio
async def test_signed_url_only_when_credentials_can_sign(fake_gcs):
    """Anonymous credentials: no URL. A key-holding service account: a V4 URL that works."""
    bucket = fake_gcs.new_bucket()
    anonymous = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    ttl = timedelta(minutes=15)
    stored = await GcsExportSink(anonymous, bucket, signed_url_ttl=ttl).save(
        PATH, ORIGINAL, content_type=TYPE, sha256=sha(ORIGINAL))  # fmt: skip
    assert stored.signed_url is None
    signer = storage.Client(project="demo-test", credentials=service_account_credentials())
    url = GcsExportSink(signer, bucket, signed_url_ttl=ttl).signed_url(PATH)
    assert url is not None and "X-Goog-Signature=" in url and "X-Goog-Expires=900" in url
    async with httpx.AsyncClient(timeout=5) as http:
        assert (await http.get(url)).content == ORIGINAL
