"""Every inbound message type is normalized into a domain InboundMessage."""

import pytest

from pyloto_corp.domain.messages import MessageKind, SenderIdKind
from tests.support import meta

MEDIA = {"id": "MEDIA1", "mime_type": "image/jpeg", "sha256": "abc", "caption": "minha loja"}
CASES = [
    ("text", {"text": {"body": "oi"}}, MessageKind.TEXT),
    ("interactive", {"interactive": {"type": "button_reply",
     "button_reply": {"id": "opt_software", "title": "Software"}}}, MessageKind.INTERACTIVE),
    ("interactive", {"interactive": {"type": "list_reply", "list_reply": {"id": "row_2",
     "title": "Entregas", "description": "Pyloto Entrega"}}}, MessageKind.INTERACTIVE),
    ("interactive", {"interactive": {"type": "nfm_reply", "nfm_reply": {"name": "flow",
     "body": "Sent", "response_json": "{\"a\":1}"}}}, MessageKind.INTERACTIVE),
    ("button", {"button": {"payload": "QUERO", "text": "Quero saber"}}, MessageKind.BUTTON),
    ("image", {"image": MEDIA}, MessageKind.IMAGE),
    ("audio", {"audio": {"id": "A1", "mime_type": "audio/ogg", "voice": True}}, MessageKind.AUDIO),
    ("video", {"video": {"id": "V1"}}, MessageKind.VIDEO),
    ("document", {"document": {"id": "D1", "filename": "cv.pdf"}}, MessageKind.DOCUMENT),
    ("sticker", {"sticker": {"id": "S1", "animated": False}}, MessageKind.STICKER),
    ("location", {"location": {"latitude": -25.09, "longitude": -50.16,
     "name": "Loja"}}, MessageKind.LOCATION),
    ("contacts", {"contacts": [{"name": {"formatted_name": "Bia"}}]}, MessageKind.CONTACTS),
    ("reaction", {"reaction": {"message_id": "wamid.OUT1", "emoji": "👍"}}, MessageKind.REACTION),
    ("order", {"order": {"catalog_id": "C", "product_items": [{"product_retailer_id": "p"}]}},
     MessageKind.ORDER),
    ("system", {"system": {"type": "user_changed_number", "body": "x"}}, MessageKind.SYSTEM),
    ("unsupported", {"errors": [{"code": 131051, "title": "Message type unknown"}]},
     MessageKind.UNSUPPORTED),
    ("request_welcome", {}, MessageKind.UNSUPPORTED),
    ("some_future_type", {"some_future_type": {"x": [1, 2]}}, MessageKind.UNSUPPORTED),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "part", "expected"), CASES)
def test_each_type_is_normalized(deliver, processor, kind, part, expected):
    """Each Meta message type becomes one InboundMessage of the matching kind."""
    response = deliver(meta.envelope([meta.message(kind, **part)]))
    assert response.status_code == 200, response.text
    [message] = processor.processed
    assert message.kind is expected
    assert message.original_type == kind
    assert message.sender.value == meta.WA_ID and message.sender.profile_name == "Ana Souza"


def test_parts_are_carried_over(deliver, processor):
    """Reply ids, media references, reactions, errors and context survive normalization."""
    messages = [meta.message(kind, **part) for kind, part, _ in CASES]
    messages[0]["context"] = {"from": "554230000000", "id": "wamid.PREV"}
    messages[0]["referral"] = {"source_type": "ad", "source_id": "1"}
    assert deliver(meta.envelope(messages)).status_code == 200
    by_type = {m.original_type + str(i): m for i, m in enumerate(processor.processed)}
    text, button, lst, flow, tmpl, image = (by_type[k] for k in (
        "text0", "interactive1", "interactive2", "interactive3", "button4", "image5"))  # fmt: skip
    assert (text.context_message_id, text.referral_source) == ("wamid.PREV", "ad")
    assert (button.interactive.reply_id, button.interactive.title) == ("opt_software", "Software")
    assert lst.interactive.description == "Pyloto Entrega"
    assert flow.interactive.payload == '{"a":1}'
    assert (tmpl.interactive.reply_id, tmpl.interactive.title) == ("QUERO", "Quero saber")
    assert (image.media.media_id, image.media.caption) == ("MEDIA1", "minha loja")
    assert by_type["reaction12"].reaction.emoji == "👍"
    assert by_type["order13"].item_count == 1
    assert by_type["system14"].system_type == "user_changed_number"
    assert by_type["unsupported15"].errors[0].code == 131051


@pytest.mark.parametrize(
    ("kind", "part"),
    [("text", {}), ("text", {"text": {"body": 42}}), ("interactive", {"interactive": {
     "type": "button_reply"}}), ("image", {"image": {"mime_type": "x"}}),
     ("location", {"location": {"latitude": "north"}})],
)  # fmt: skip
def test_malformed_message_is_kept_as_unsupported(deliver, processor, kind, part):
    """A message whose content contradicts its type is kept (as unsupported), never a 500."""
    msg = meta.message(kind, **part)
    msg.pop("text", None) if kind == "text" and not part else None
    response = deliver(meta.envelope([msg]))
    assert response.status_code == 200
    [message] = processor.processed
    assert message.kind is MessageKind.UNSUPPORTED and message.errors[0].title == "malformed"


def test_business_scoped_user_id_when_wa_id_is_absent(deliver, processor):
    """Without wa_id (username users) the sender is keyed on the business-scoped user_id."""
    msg = meta.message(sender=None, from_user_id="BR.1234567890123")
    contacts = [meta.contact(wa_id=None, user_id="BR.1234567890123")]
    assert deliver(meta.envelope([msg], contacts=contacts)).status_code == 200
    [message] = processor.processed
    assert message.sender.kind is SenderIdKind.USER_ID
    assert message.sender.value == "BR.1234567890123"


def test_user_id_from_contact_only(deliver, processor):
    """The contacts array alone may carry the user_id."""
    contacts = [meta.contact(wa_id=None, user_id="BR.99887766")]
    assert deliver(meta.envelope([meta.message(sender=None)], contacts=contacts)).status_code == 200
    assert processor.processed[0].sender.value == "BR.99887766"


def test_wa_id_from_contact_when_from_is_missing(deliver, processor):
    """A message without 'from' still gets the contact's wa_id."""
    assert deliver(meta.envelope([meta.message(sender=None)])).status_code == 200
    assert processor.processed[0].sender.kind is SenderIdKind.WA_ID


@pytest.mark.parametrize("broken", [{"id": ""}, {"timestamp": "yesterday"}, {"id": None}])
def test_message_without_id_or_time_is_dropped_not_fatal(deliver, processor, broken):
    """Unusable messages are dropped and counted; the rest of the batch goes through."""
    good = meta.message()
    bad = meta.message() | broken
    response = deliver(meta.envelope([bad, good]))
    assert response.status_code == 200
    assert response.json()["dropped"] == 1
    assert [m.provider_message_id for m in processor.processed] == [good["id"]]


def test_message_without_any_sender_is_dropped(deliver, processor):
    """No wa_id, no user_id anywhere: nothing to key the conversation on."""
    response = deliver(meta.envelope([meta.message(sender="not a phone")], contacts=[]))
    assert response.json()["dropped"] == 1
    assert processor.processed == []
