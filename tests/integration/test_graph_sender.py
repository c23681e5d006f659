"""GraphApiSender over real HTTP against the fake Graph API: payloads, errors, retries."""

from __future__ import annotations

import httpx
import pytest

from pyloto_corp.adapters.whatsapp.graph_sender import GraphApiSender
from pyloto_corp.application.replies import send_errors as e
from pyloto_corp.domain.outbound import Recipient
from tests.support.fake_graph import meta_error

pytestmark = pytest.mark.anyio
TO = Recipient(phone="+5542999990001")
TEXT = {"kind": "text", "body": "Oi!", "options": [], "list_button": None}


async def _no_sleep(_: float) -> None:
    return None


@pytest.fixture
async def sender(fake_graph):
    client = httpx.AsyncClient(timeout=httpx.Timeout(0.5))
    graph = GraphApiSender(client, base_url=fake_graph.url, version="v24.0",
                           phone_number_id="PNID", token="tok", sleep=_no_sleep)  # fmt: skip
    yield graph
    await graph.aclose()


async def test_text_goes_to_the_messages_endpoint_with_the_bearer_token(sender, fake_graph):
    assert (await sender.send(TO, TEXT)).startswith("wamid.FAKE")
    [seen] = fake_graph.requests
    assert seen.path == "/v24.0/PNID/messages" and seen.authorization == "Bearer tok"
    assert seen.body == {"messaging_product": "whatsapp", "recipient_type": "individual",
                         "to": "5542999990001", "type": "text",
                         "text": {"body": "Oi!", "preview_url": False}}  # fmt: skip


async def test_buttons_lists_and_business_scoped_recipients(sender, fake_graph):
    buttons = {
        "kind": "buttons",
        "body": "Certo?",
        "list_button": None,
        "options": [{"id": "confirm_yes", "title": "Sim"}, {"id": "no", "title": "Não"}],
    }
    rows = [{"id": f"r{n}", "title": f"Opção {n}", "description": "desc"} for n in range(3)]
    listing = {"kind": "list", "body": "Escolha", "options": rows, "list_button": "Ver opções"}
    await sender.send(TO, buttons)
    await sender.send(Recipient(user_id="BR.1234567890"), listing)
    first, second = (r.body for r in fake_graph.requests)
    assert first["interactive"]["type"] == "button"
    assert first["interactive"]["action"]["buttons"][0] == {
        "type": "reply", "reply": {"id": "confirm_yes", "title": "Sim"}}  # fmt: skip
    assert second["recipient"] == "BR.1234567890" and "to" not in second
    assert second["interactive"]["action"]["button"] == "Ver opções"
    assert second["interactive"]["action"]["sections"][0]["rows"][2]["id"] == "r2"


async def test_mark_read_shows_the_typing_indicator(sender, fake_graph):
    await sender.mark_read("wamid.IN1")
    assert fake_graph.requests[0].body == {"messaging_product": "whatsapp", "status": "read",
                                           "message_id": "wamid.IN1",
                                           "typing_indicator": {"type": "text"}}  # fmt: skip


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (400, 131047, e.WindowClosed), (400, 131026, e.Undeliverable),
        (429, 130429, e.ThroughputLimited), (400, 4, e.ThroughputLimited),
        (400, 80007, e.ThroughputLimited), (400, 131056, e.PairRateLimited),
        (401, 190, e.TokenExpired), (400, 131048, e.SpamLimited),
        (400, 131049, e.MarketingLimited), (400, 100, e.Rejected),
    ],
)  # fmt: skip
async def test_each_meta_error_becomes_its_type_without_retry(
    sender, fake_graph, status, code, error
):
    fake_graph.then((status, meta_error(code)))
    with pytest.raises(error) as raised:
        await sender.send(TO, TEXT)
    assert raised.value.code == code and len(fake_graph.requests) == 1


async def test_server_errors_are_retried_then_succeed(sender, fake_graph):
    """A 5xx sent nothing: the same request is tried again."""
    fake_graph.then((500, {}), (503, {}))
    assert await sender.send(TO, TEXT, "pyloto1|uk|wamid.IN#0")
    assert len(fake_graph.sent) == 3
    assert {r.body["biz_opaque_callback_data"] for r in fake_graph.requests} == {
        "pyloto1|uk|wamid.IN#0"}  # fmt: skip


async def test_a_lost_answer_is_uncertain_and_never_resent_here(sender, fake_graph):
    """Meta got the request but the answer timed out: it may be sent, so no retry (no double)."""
    fake_graph.then((200, {"messages": [{"id": "wamid.SLOW"}]}, 1.0))
    with pytest.raises(e.Uncertain):
        await sender.send(TO, TEXT)
    assert len(fake_graph.requests) == 1


async def test_a_read_receipt_whose_answer_is_lost_is_simply_repeated(sender, fake_graph):
    """Marking as read is idempotent: a timeout there is retried like a 5xx."""
    fake_graph.then((200, {"success": True}, 1.0))
    await sender.mark_read("wamid.IN", typing=False)
    assert len(fake_graph.requests) == 2


async def test_transient_errors_give_up_after_the_bounded_attempts(sender, fake_graph):
    fake_graph.then((503, {}), (502, {"error": {"code": 131000}}), (500, {}))
    with pytest.raises(e.Transient):
        await sender.send(TO, TEXT)
    assert len(fake_graph.requests) == 3


async def test_a_payload_breaking_meta_limits_is_never_sent(sender, fake_graph):
    four = [{"id": str(n), "title": f"B{n}"} for n in range(4)]
    with pytest.raises(e.InvalidPayload):
        await sender.send(TO, {"kind": "buttons", "body": "x", "options": four})
    assert fake_graph.requests == []


async def test_an_accepted_answer_without_an_id_is_still_a_send(sender, fake_graph):
    fake_graph.then((200, {"messages": []}))
    assert await sender.send(TO, TEXT) is None


async def test_a_refused_connection_is_transient() -> None:
    client = httpx.AsyncClient(timeout=0.5)
    graph = GraphApiSender(client, base_url="http://127.0.0.1:9", version="v24.0",
                           phone_number_id="P", token="t", attempts=1)  # fmt: skip
    with pytest.raises(e.Transient):
        await graph.send(TO, TEXT)
    await graph.aclose()
