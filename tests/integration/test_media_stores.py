"""One MediaStore contract on the local folder and on Cloud Storage (fake-gcs-server)."""

from __future__ import annotations

import hashlib

import pytest
from google.api_core.retry import Retry
from google.auth.credentials import AnonymousCredentials
from google.cloud import storage

from pyloto_corp.adapters.media.gcs import GcsMediaStore
from pyloto_corp.adapters.media.local import LocalFolderMediaStore
from pyloto_corp.application.errors import MediaStoreUnavailable
from pyloto_corp.application.media.media_store import media_folder, media_path
from tests.support.fake_gcs import FakeGcsServer

pytestmark = pytest.mark.anyio
ANA, BETO = "A" * 43, "B" * 43
PHOTO, OTHER = b"\xff\xd8\xff jpeg bytes", b"outra imagem"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Backend:
    def __init__(self, store, read) -> None:
        self.store, self.read = store, read


@pytest.fixture(params=["local", pytest.param("gcs", marks=pytest.mark.gcs)])
def backend(request, tmp_path) -> Backend:
    if request.param == "local":
        return Backend(LocalFolderMediaStore(tmp_path / "m"),
                       lambda path: (tmp_path / "m" / path).read_bytes())  # fmt: skip
    gcs: FakeGcsServer = request.getfixturevalue("fake_gcs")
    bucket = gcs.new_bucket()
    client = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    return Backend(GcsMediaStore(client, bucket), lambda path: gcs.object_bytes(bucket, path))


async def save(backend: Backend, path: str, data: bytes = PHOTO) -> bool:
    return await backend.store.save(path, data, content_type="image/jpeg", sha256=sha(data))


async def test_saved_once_and_never_replaced(backend):
    """Created; the same bytes again count as saved; other bytes leave the object alone."""
    path = media_path(ANA, "wamid.1", "jpg")
    assert await save(backend, path) is True
    assert await save(backend, path) is True
    assert await save(backend, path, OTHER) is False
    assert backend.read(path) == PHOTO


async def test_a_persons_folder_is_listed_and_deleted_alone(backend):
    for name in ("wamid.1", "wamid.2"):
        await save(backend, media_path(ANA, name, "jpg"))
    await save(backend, media_path(BETO, "wamid.3", "jpg"))
    listed = await backend.store.list_objects(media_folder(ANA))
    assert sorted(o.path for o in listed) == [
        media_path(ANA, n, "jpg") for n in ("wamid.1", "wamid.2")
    ]
    assert all(o.created_at.tzinfo is not None for o in listed)
    assert await backend.store.delete_folder(media_folder(ANA)) == 2
    assert await backend.store.list_objects(media_folder(ANA)) == []
    assert await backend.store.delete_folder(media_folder(ANA)) == 0
    assert [o.path for o in await backend.store.list_objects("media/")] == [
        media_path(BETO, "wamid.3", "jpg")
    ]
    assert await backend.store.delete(media_path(BETO, "wamid.3", "jpg")) is True
    assert await backend.store.delete(media_path(BETO, "wamid.3", "jpg")) is False


async def test_local_paths_cannot_escape_and_a_broken_folder_is_unavailable(tmp_path):
    store = LocalFolderMediaStore(tmp_path / "m")
    with pytest.raises(ValueError):
        await store.save("../fora.jpg", PHOTO, content_type="image/jpeg", sha256=sha(PHOTO))
    blocker = tmp_path / "arquivo"
    blocker.write_text("x")
    with pytest.raises(MediaStoreUnavailable):
        broken = LocalFolderMediaStore(blocker)
        await broken.save(media_path(ANA, "w", "jpg"), PHOTO, content_type="image/jpeg", sha256="x")


@pytest.mark.gcs
async def test_gcs_without_the_bucket_is_unavailable(fake_gcs):
    client = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    quick = Retry(initial=0.05, maximum=0.1, timeout=0.5)
    store = GcsMediaStore(client, "no-such-bucket", retry=quick)
    with pytest.raises(MediaStoreUnavailable):
        await store.save(media_path(ANA, "w", "jpg"), PHOTO, content_type="image/jpeg",
                         sha256=sha(PHOTO))  # fmt: skip
    with pytest.raises(MediaStoreUnavailable):
        await store.list_objects(media_folder(ANA))
