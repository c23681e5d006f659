"""GraphMediaSource over real HTTP against the fake Graph API on loopback."""

from __future__ import annotations

import json

import httpx
import pytest

from pyloto_corp.adapters.whatsapp.graph_media import GraphMediaSource
from pyloto_corp.application.media.media_jobs import MediaGone, MediaSourceUnavailable
from pyloto_corp.domain.media import MediaRefused

pytestmark = pytest.mark.anyio
DATA = b"%PDF-1.7 contrato" * 100


@pytest.fixture
async def source(fake_graph):
    graph = GraphMediaSource(httpx.AsyncClient(timeout=2), base_url=fake_graph.url,
                             version="v24.0", token="EAAG-token")  # fmt: skip
    yield graph
    await graph.aclose()


async def test_downloads_with_the_token_both_times(source, fake_graph):
    fake_graph.media["555"] = (DATA, "application/pdf")
    fetched = await source.fetch("555", 10_000)
    assert fetched.data == DATA and fetched.mime_type == "application/pdf"
    assert [s.path for s in fake_graph.downloads] == ["/v24.0/555", "/download/555"]
    assert {s.authorization for s in fake_graph.downloads} == {"Bearer EAAG-token"}


def info(**fields) -> bytes:
    return json.dumps({"messaging_product": "whatsapp", "id": "555", **fields}).encode()


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ([(500, b"{}")], MediaSourceUnavailable),
        ([(401, b"{}")], MediaSourceUnavailable),  # an expired token: ops fix it, then it works
        ([(200, b"not json")], MediaSourceUnavailable),
        ([(200, b"[1]")], MediaSourceUnavailable),
        ([(200, info(url="http://evil.example/x"))], MediaSourceUnavailable),  # no token there
        ([(200, info(url=None))], MediaSourceUnavailable),
        ([(200, info(file_size="999999"))], MediaRefused),
        ([(404, b"{}")], MediaGone),
    ],
)
async def test_bad_answers_become_typed_errors(source, fake_graph, answers, error):
    fake_graph.media_script.extend(answers)
    with pytest.raises(error):
        await source.fetch("555", 10_000)


async def test_the_body_is_cut_at_the_limit_and_an_expired_url_is_retried(source, fake_graph):
    fake_graph.media["555"] = (DATA, "application/pdf")
    with pytest.raises(MediaRefused, match="too_large"):
        await source.fetch("555", 100)  # declared size first
    url = f"{fake_graph.url}/download/555"
    fake_graph.media_script.append((200, info(url=url, file_size=1)))  # Meta understates
    with pytest.raises(MediaRefused, match="too_large"):
        await source.fetch("555", 100)
    fake_graph.media_script.append((200, info(url=f"{fake_graph.url}/download/nada")))
    with pytest.raises(MediaSourceUnavailable):
        await source.fetch("555", 10_000)


async def test_ids_of_another_shape_never_reach_a_url(source, fake_graph):
    for bad in ("../me", "a/b", "", "x" * 200):
        with pytest.raises(MediaGone):
            await source.fetch(bad, 100)
    assert fake_graph.downloads == []


async def test_nobody_listening_is_unavailable():
    graph = GraphMediaSource(httpx.AsyncClient(timeout=1), base_url="http://127.0.0.1:9",
                             version="v24.0", token="t")  # fmt: skip
    with pytest.raises(MediaSourceUnavailable):
        await graph.fetch("555", 100)
    await graph.aclose()
