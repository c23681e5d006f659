"""ChatwootNotifier over real HTTP against the fake Chatwoot; its webhooks parsed back."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from pyloto_corp.adapters.handoffs.chatwoot import (
    ESCALATED,
    PRESSED,
    ChatwootAgentReply,
    ChatwootNotifier,
    ChatwootResolved,
    parse_chatwoot_webhook,
)
from pyloto_corp.adapters.handoffs.chatwoot_api import label_of, summary_note
from pyloto_corp.application.handoffs.ports import (
    Contact,
    Line,
    Notice,
    NotifyRejected,
    NotifyUnavailable,
)
from pyloto_corp.domain.handoff_events import EventKind, HandoffEvent, HandoffRecord
from tests.support.fake_chatwoot import ACCOUNT_ID, INBOX_ID, TOKEN, FakeChatwoot, Forced

pytestmark = pytest.mark.anyio
NOW = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
PHONE = "+5542999990001"
USER_KEY = "uK3y-Ab0123456789abcdefghijklmnopqrstuvwxyzA"
PERSON = Contact(name="Maria Souza", phone=PHONE, city="Ponta Grossa", business_name="Clínica Sol")
LEAD = {
    "summary": "Quer um aplicativo de agendamento para a clínica.",
    "qualification_level": "high",
    "qualification_reasons": ["prazo definido", "orçamento informado"],
    "requirements": {"plataforma": "Android e iOS", "usuarios": 200},
    "deadline": "em 2 meses",
    "intent_primary": "CUSTOM_SOFTWARE",
}
TRANSCRIPT = (
    Line("in", "Oi, preciso de um app para minha clínica", NOW),
    Line("out", "Claro! Para quantas pessoas?", NOW),
    Line("in", "Umas 200", NOW),
)


@pytest.fixture(scope="session")
def fake_chatwoot_server() -> Iterator[FakeChatwoot]:
    server = FakeChatwoot().start()
    yield server
    server.stop()


@pytest.fixture
def fake_chatwoot(fake_chatwoot_server: FakeChatwoot) -> FakeChatwoot:
    fake_chatwoot_server.reset()
    return fake_chatwoot_server


def build(url: str, token: str = TOKEN) -> ChatwootNotifier:
    client = httpx.AsyncClient(timeout=httpx.Timeout(0.5))
    return ChatwootNotifier(
        client, base_url=url + "/", account_id=ACCOUNT_ID, inbox_id=INBOX_ID, api_token=token
    )


@pytest.fixture
async def notifier(fake_chatwoot):
    chatwoot = build(fake_chatwoot.url)
    yield chatwoot
    await chatwoot.aclose()


def notice(
    kind: EventKind = EventKind.CREATED,
    *,
    handoff_id: str = "h-1",
    data=None,
    remote=None,
    person: Contact = PERSON,
    routing: str = "Pyloto Entrega",
) -> Notice:
    record = HandoffRecord(
        handoff_id=handoff_id,
        user_key=USER_KEY,
        session_id="s-1",
        routing=routing,
        created_at=NOW,
        takeover_until=NOW + timedelta(hours=2),
        lead=dict(LEAD),
        remote=dict(remote or {}),
    )
    seq = {EventKind.CREATED: 1, EventKind.MESSAGE: 2, EventKind.RELEASED: 3}[kind]
    event = HandoffEvent(
        handoff_id=handoff_id,
        seq=seq,
        kind=kind,
        user_key=USER_KEY,
        created_at=NOW,
        due_at=NOW,
        data=dict(data or {}),
    )
    return Notice(event, record, person, TRANSCRIPT if kind is EventKind.CREATED else ())


def contents(conversation: dict) -> list[tuple[str, bool, str]]:
    return [(m["message_type"], m["private"], m["content"]) for m in conversation["messages"]]


async def test_created_opens_a_labelled_conversation_with_transcript_and_note(
    notifier, fake_chatwoot
):
    remote = await notifier.notify(notice())
    [contact] = fake_chatwoot.contacts.values()
    [conversation] = fake_chatwoot.conversations.values()
    assert remote == {
        "chatwoot_contact_id": contact["id"],
        "chatwoot_conversation_id": conversation["id"],
    }
    assert (contact["phone_number"], contact["identifier"], contact["name"]) == (
        PHONE,
        USER_KEY,
        "Maria Souza",
    )
    assert contact["additional_attributes"] == {
        "city": "Ponta Grossa",
        "company_name": "Clínica Sol",
    }
    assert conversation["inbox_id"] == INBOX_ID and conversation["status"] == "open"
    assert conversation["custom_attributes"] == {"pyloto_handoff_id": "h-1"}
    assert conversation["additional_attributes"] == {"pyloto_handoff_id": "h-1"}
    assert conversation["labels"] == ["pyloto_entrega"]
    *lines, note = contents(conversation)
    assert lines == [
        ("incoming", False, TRANSCRIPT[0].text),
        ("outgoing", False, TRANSCRIPT[1].text),
        ("incoming", False, TRANSCRIPT[2].text),
    ]
    kind, private, text = note
    assert (kind, private) == ("outgoing", True)
    assert "Resumo: Quer um aplicativo de agendamento para a clínica." in text
    assert "Qualificação: alta (motivos: prazo definido, orçamento informado)" in text
    assert "Prazo: em 2 meses" in text and "- plataforma: Android e iOS" in text
    assert "- usuarios: 200" in text and "Intenção principal: sistemas sob medida" in text
    assert "03/03/2026 14:00:00 -03:00" in text  # takeover end, in Brasília time
    assert all(m["content_attributes"] == {"pyloto": True} for m in conversation["messages"])
    assert all(s.token == TOKEN for s in fake_chatwoot.requests)


async def test_an_existing_contact_is_found_by_its_exact_phone(notifier, fake_chatwoot):
    fake_chatwoot.add_contact("Outra pessoa", PHONE + "9", inbox_id=INBOX_ID)  # q matches it too
    known = fake_chatwoot.add_contact("Maria", PHONE, inbox_id=INBOX_ID)
    remote = await notifier.notify(notice())
    assert remote["chatwoot_contact_id"] == known["id"]
    assert fake_chatwoot.calls("POST", "/contacts") == []
    assert fake_chatwoot.calls("POST", "/contact_inboxes") == []
    [search] = fake_chatwoot.calls("GET", "/contacts/search")
    assert search.query == {"q": PHONE}
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert conversation["source_id"] == known["inboxes"][0][1]


async def test_a_contact_from_another_inbox_gets_one_in_ours(notifier, fake_chatwoot):
    known = fake_chatwoot.add_contact("Maria", PHONE, inbox_id=99)
    remote = await notifier.notify(notice())
    assert remote["chatwoot_contact_id"] == known["id"]
    [link] = fake_chatwoot.calls("POST", "/contact_inboxes")
    assert link.body == {"inbox_id": INBOX_ID}
    assert len(fake_chatwoot.contacts) == 1


async def test_a_person_without_phone_is_known_by_identifier(notifier, fake_chatwoot):
    nameless = Contact(name=None, phone=None)
    first = await notifier.notify(notice(person=nameless))
    second = await notifier.notify(notice(handoff_id="h-2", person=nameless))
    [contact] = fake_chatwoot.contacts.values()
    assert contact["phone_number"] is None and contact["identifier"] == USER_KEY
    assert contact["name"] == "Lead do WhatsApp"
    assert first["chatwoot_contact_id"] == second["chatwoot_contact_id"] == contact["id"]
    assert first["chatwoot_conversation_id"] != second["chatwoot_conversation_id"]
    assert all(s.query == {"q": USER_KEY} for s in fake_chatwoot.calls("GET", "/search"))


async def test_a_redelivered_created_reuses_the_conversation(notifier, fake_chatwoot):
    first = await notifier.notify(notice())
    second = await notifier.notify(notice())
    assert first == second and len(fake_chatwoot.conversations) == 1
    [conversation] = fake_chatwoot.conversations.values()
    assert len(conversation["messages"]) == len(TRANSCRIPT) + 1
    assert len(fake_chatwoot.calls("POST", "/labels")) == 1


async def test_a_lost_answer_to_the_creation_makes_no_second_conversation(notifier, fake_chatwoot):
    fake_chatwoot.then(Forced(200, delay=1.0, on="POST /conversations", apply=True))
    with pytest.raises(NotifyUnavailable) as lost:
        await notifier.notify(notice())
    assert lost.value.code == "chatwoot_timeout"
    remote = await notifier.notify(notice())
    [conversation] = fake_chatwoot.conversations.values()
    assert remote["chatwoot_conversation_id"] == conversation["id"]
    assert len(conversation["messages"]) == len(TRANSCRIPT) + 1


async def test_a_contact_created_meanwhile_is_found_after_a_422(notifier, fake_chatwoot):
    fake_chatwoot.then(Forced(422, {"message": "taken"}, on="POST /contacts", apply=True))
    remote = await notifier.notify(notice())
    [contact] = fake_chatwoot.contacts.values()
    assert remote["chatwoot_contact_id"] == contact["id"]


async def test_a_422_without_such_contact_is_rejected(notifier, fake_chatwoot):
    fake_chatwoot.then(Forced(422, {"message": "invalid"}, on="POST /contacts"))
    with pytest.raises(NotifyRejected) as refused:
        await notifier.notify(notice())
    assert refused.value.code == "chatwoot_http_422"


async def test_other_refusals_of_a_new_contact_are_rejected(notifier, fake_chatwoot):
    fake_chatwoot.then(Forced(400, {"message": "bad"}, on="POST /contacts"))
    with pytest.raises(NotifyRejected) as refused:
        await notifier.notify(notice())
    assert refused.value.code == "chatwoot_http_400"


async def test_a_new_handoff_of_the_same_person_opens_a_new_conversation(notifier, fake_chatwoot):
    first = await notifier.notify(notice())
    second = await notifier.notify(notice(handoff_id="h-2", routing="sales_saas"))
    assert first["chatwoot_contact_id"] == second["chatwoot_contact_id"]
    assert fake_chatwoot.conversations[second["chatwoot_conversation_id"]]["labels"] == [
        "sales_saas"
    ]
    assert len(fake_chatwoot.conversations) == 2


async def test_messages_are_posted_as_incoming(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    said = {"text": "Pode ser na semana que vem?", "kind": "text", "message_id": "wamid.1"}
    assert await notifier.notify(notice(EventKind.MESSAGE, data=said, remote=remote)) is None
    await notifier.notify(notice(EventKind.MESSAGE, data={"kind": "audio"}, remote=remote))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert contents(conversation)[-2:] == [
        ("incoming", False, "Pode ser na semana que vem?"),
        ("incoming", False, "[mensagem sem texto: audio]"),
    ]
    assert conversation["messages"][-2]["source_id"] == "pyloto:h-1#00002"


async def test_events_before_the_conversation_wait_for_it(notifier, fake_chatwoot):
    for kind in (EventKind.MESSAGE, EventKind.RELEASED):
        with pytest.raises(NotifyUnavailable) as waiting:
            await notifier.notify(notice(kind, data={"text": "oi", "reason": "opt_out"}))
        assert waiting.value.code == "chatwoot_no_conversation"
    assert fake_chatwoot.requests == []


async def test_a_release_resolves_the_conversation_and_leaves_a_note(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    await notifier.notify(notice(EventKind.RELEASED, data={"reason": "operator"}, remote=remote))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert conversation["status"] == "resolved"
    assert contents(conversation)[-1] == (
        "outgoing",
        True,
        "Atendimento devolvido ao bot (motivo: operator)",
    )


async def test_a_release_by_chatwoot_only_leaves_a_note(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    resolved = {"reason": "chatwoot_resolved"}
    await notifier.notify(notice(EventKind.RELEASED, data=resolved, remote=remote))
    assert fake_chatwoot.calls("POST", "/toggle_status") == []
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert (
        contents(conversation)[-1][2]
        == "Atendimento devolvido ao bot (motivo: resolvido no Chatwoot)"
    )


@pytest.mark.parametrize(
    ("forced", "error", "code"),
    [
        (Forced(500, {}), NotifyUnavailable, "chatwoot_http_500"),
        (Forced(503, {}), NotifyUnavailable, "chatwoot_http_503"),
        (Forced(429, {}), NotifyUnavailable, "chatwoot_http_429"),
        (Forced(200, {}, delay=1.0), NotifyUnavailable, "chatwoot_timeout"),
        (Forced(404, {}), NotifyRejected, "chatwoot_http_404"),
        (Forced(400, {}), NotifyRejected, "chatwoot_http_400"),
        (
            Forced(200, {"payload": [{"id": "7", "phone_number": PHONE}]}),
            NotifyUnavailable,
            "chatwoot_bad_response",
        ),
        (Forced(200, {}, on="POST /contacts/"), NotifyUnavailable, "chatwoot_bad_response"),
        (Forced(200, b"<html>oops</html>"), NotifyUnavailable, "chatwoot_bad_response"),
    ],
)
async def test_failures_are_typed_without_personal_data(
    notifier, fake_chatwoot, forced, error, code
):
    fake_chatwoot.add_contact("Maria", PHONE, inbox_id=None)  # so a contact inbox is created
    fake_chatwoot.then(forced)
    with pytest.raises(error) as failed:
        await notifier.notify(notice())
    assert failed.value.code == code and str(failed.value) == code


async def test_a_wrong_token_is_rejected(fake_chatwoot):
    chatwoot = build(fake_chatwoot.url, token="wrong")
    with pytest.raises(NotifyRejected) as refused:
        await chatwoot.notify(notice())
    await chatwoot.aclose()
    assert refused.value.code == "chatwoot_http_401"


async def test_an_unreachable_chatwoot_is_unavailable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chatwoot = build(f"http://127.0.0.1:{port}")
    with pytest.raises(NotifyUnavailable) as down:
        await chatwoot.notify(notice())
    await chatwoot.aclose()
    assert down.value.code == "chatwoot_unreachable"


async def test_a_conversation_id_kept_as_text_still_works(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    as_text = {"chatwoot_conversation_id": str(remote["chatwoot_conversation_id"])}
    await notifier.notify(notice(EventKind.MESSAGE, data={"text": "oi"}, remote=as_text))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert contents(conversation)[-1] == ("incoming", False, "oi")


def test_the_note_without_reasons_nor_requirements():
    bare = notice()
    bare.handoff.lead.update(
        qualification_level="medium", qualification_reasons=[], requirements={}
    )
    note = summary_note(bare)
    assert "Qualificação: média\n" in note and "Requisitos: —" in note


def test_the_note_reads_canonical_codes_in_portuguese():
    """Codes stored by the engine (routing, level, reasons, slots) reach the team in pt-BR."""
    coded = notice(routing="sales_custom_software")
    coded.handoff.lead.update(
        qualification_level="low", requirements={"user_count": 20, "city": "Ponta Grossa"},
        qualification_reasons=["commercial_intent", "missing:deadline", "decision_maker_role"],
    )  # fmt: skip
    note = summary_note(coded)
    assert "Equipe: vendas — sistemas sob medida" in note
    assert "Qualificação: baixa (motivos: interesse comercial, falta: prazo, " in note
    assert "- cidade: Ponta Grossa\n- usuários: 20" in note
    for code in ("sales_custom_software", "low", "commercial_intent", "user_count"):
        assert code not in note


def test_routing_becomes_a_chatwoot_label():
    assert label_of("Pyloto Entrega") == "pyloto_entrega"
    assert label_of("Ação Comercial!") == "acao_comercial"
    assert label_of("sales_custom_software") == "sales_custom_software"
    assert label_of("???") == "pyloto"


# --- webhooks ------------------------------------------------------------------------------


async def test_our_own_posts_coming_back_are_not_agent_replies(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    echoes = [
        fake_chatwoot.message_webhook(conversation["id"], m["id"]) for m in conversation["messages"]
    ]
    assert any(e["message_type"] == "outgoing" and not e["private"] for e in echoes)
    assert [parse_chatwoot_webhook(e) for e in echoes] == [None] * len(echoes)


async def test_an_agent_reply_and_a_resolution_name_the_handoff(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    conversation_id = remote["chatwoot_conversation_id"]
    reply = fake_chatwoot.agent_reply(conversation_id, "Olá Maria, aqui é a Ana!")
    parsed = parse_chatwoot_webhook(reply)
    assert parsed == ChatwootAgentReply("h-1", "Olá Maria, aqui é a Ana!", str(reply["id"]))
    assert "Olá" not in repr(parsed)
    assert parse_chatwoot_webhook({**reply, "message_type": 1}) == parsed
    assert parse_chatwoot_webhook(fake_chatwoot.agent_reply(conversation_id, "nota", True)) is None
    resolved = fake_chatwoot.status_webhook(conversation_id)
    parsed = parse_chatwoot_webhook(resolved)
    assert parsed == ChatwootResolved("h-1")
    assert parse_chatwoot_webhook({**resolved, "event": "conversation_resolved"}) == parsed
    assert parse_chatwoot_webhook(fake_chatwoot.status_webhook(conversation_id, "open")) is None


AGENT_REPLY = {
    "event": "message_created",
    "id": 42,
    "content": "Bom dia!",
    "message_type": "outgoing",
    "private": False,
    "content_attributes": {},
    "source_id": None,
    "sender": {"id": 2, "name": "Ana", "email": "ana@pyloto.example", "type": "user"},
    "conversation": {"id": 9, "additional_attributes": {"pyloto_handoff_id": "h-9"}},
}


def test_older_chatwoot_with_additional_attributes_only():
    assert parse_chatwoot_webhook(AGENT_REPLY) == ChatwootAgentReply("h-9", "Bom dia!", "42")
    textual = parse_chatwoot_webhook({**AGENT_REPLY, "id": "m-42"})
    assert textual == ChatwootAgentReply("h-9", "Bom dia!", "m-42")


@pytest.mark.parametrize(
    "change",
    [
        {"message_type": "incoming"},
        {"message_type": True},
        {"message_type": 0},
        {"message_type": "template"},
        {"private": True},
        {"private": None},
        {"private": "false"},
        {"content": ""},
        {"content": "   "},
        {"content": None},
        {"content": ["x"]},
        {"content_attributes": {"pyloto": True}},
        {"source_id": "pyloto:h-9:line:2"},
        {"sender": None},
        {"sender": {"type": "agent_bot"}},
        {"sender": {"type": "contact"}},
        {"sender": "user"},
        {"conversation": None},
        {"conversation": {"id": 9}},
        {"conversation": {"custom_attributes": {"pyloto_handoff_id": 5}}},
        {"conversation": {"additional_attributes": {"pyloto_handoff_id": ""}}},
        {"conversation": {"additional_attributes": ["pyloto_handoff_id"]}},
        {"id": None},
        {"id": True},
        {"id": -1},
        {"id": ""},
        {"id": {"x": 1}},
        {"event": "message_updated"},
        {"event": 3},
        {"event": None},
    ],
)
def test_anything_but_a_public_agent_reply_is_none(change):
    assert parse_chatwoot_webhook({**AGENT_REPLY, **change}) is None


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        "message_created",
        42,
        {},
        {"event": "conversation_status_changed"},
        {"event": "conversation_status_changed", "status": "resolved"},
        {
            "event": "conversation_status_changed",
            "status": "resolved",
            "custom_attributes": {"pyloto_handoff_id": None},
        },
        {
            "event": "conversation_status_changed",
            "status": ["resolved"],
            "custom_attributes": {"pyloto_handoff_id": "h-1"},
        },
        {
            "event": "conversation_created",
            "status": "resolved",
            "custom_attributes": {"pyloto_handoff_id": "h-1"},
        },
        {
            "event": "conversation_status_changed",
            "status": "resolved",
            "custom_attributes": {"pyloto_handoff_id": "h" * 500},
        },
    ],
)
def test_junk_is_none(body):
    assert parse_chatwoot_webhook(body) is None


async def test_aclose_closes_the_client(fake_chatwoot):
    client = httpx.AsyncClient()
    chatwoot = ChatwootNotifier(
        client,
        base_url=fake_chatwoot.url,
        account_id=ACCOUNT_ID,
        inbox_id=INBOX_ID,
        api_token=TOKEN,
    )
    assert (chatwoot.name, chatwoot.wants_transcript) == ("chatwoot", True)
    await chatwoot.aclose()
    assert client.is_closed


async def test_asking_for_someone_in_charge_adds_a_private_note(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    said = {"text": "quero falar com o gerente", "kind": "text", "message_id": "wamid.9",
            "human_requested": True}  # fmt: skip
    await notifier.notify(notice(EventKind.MESSAGE, data=said, remote=remote))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert contents(conversation)[-2:] == [
        ("incoming", False, "quero falar com o gerente"),
        ("outgoing", True, ESCALATED),
    ]


async def test_a_person_who_insists_gets_a_private_note_for_the_agent(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    said = {"text": "alguém aí? é pra hoje", "kind": "text", "message_id": "wamid.10",
            "pressed": True}  # fmt: skip
    await notifier.notify(notice(EventKind.MESSAGE, data=said, remote=remote))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert contents(conversation)[-2:] == [
        ("incoming", False, "alguém aí? é pra hoje"),
        ("outgoing", True, PRESSED),
    ]


async def test_a_name_said_after_the_handoff_reaches_the_agent_as_a_note(notifier, fake_chatwoot):
    remote = await notifier.notify(notice())
    said = {"text": "ah meu nome é Everton", "kind": "text", "message_id": "wamid.11",
            "lead_update": {"name": "Everton", "city": "Castro",
                            "requirements": {"delivery_volume": "30/dia"}}}  # fmt: skip
    await notifier.notify(notice(EventKind.MESSAGE, data=said, remote=remote))
    conversation = fake_chatwoot.conversations[remote["chatwoot_conversation_id"]]
    assert contents(conversation)[-2:] == [
        ("incoming", False, "ah meu nome é Everton"),
        ("outgoing", True, "📝 Dado novo do contato, dito depois do encaminhamento: "
                           "Nome: Everton; Cidade: Castro; Volume de entregas: 30/dia"),
    ]  # fmt: skip
