"""Signed but arbitrary payloads never crash the webhook: 200 or a clear 4xx, never 5xx."""

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyloto_corp.bootstrap import Overrides, build_app
from tests.conftest import make_settings
from tests.support import meta

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=30), st.sampled_from(["text", "interactive", "image", "1763000000", ""]),
)  # fmt: skip
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
message_keys = st.sampled_from(
    ["id", "from", "from_user_id", "timestamp", "type", "text", "interactive", "image",
     "location", "reaction", "errors", "context", "contacts", "button", "order", "system"]
)  # fmt: skip
messages = st.dictionaries(message_keys, json_values, max_size=8)
status_keys = st.sampled_from(["id", "status", "timestamp", "errors", "recipient_id"])
contact_keys = st.sampled_from(["wa_id", "user_id", "profile"])
values = st.fixed_dictionaries(
    {"metadata": st.one_of(st.just({"phone_number_id": meta.PHONE_NUMBER_ID}), json_values)},
    optional={"messages": st.lists(messages, max_size=3) | json_values,
              "statuses": st.lists(st.dictionaries(status_keys, json_values), max_size=2),
              "contacts": st.lists(st.dictionaries(contact_keys, json_values), max_size=2)},
)  # fmt: skip
documents = st.fixed_dictionaries(
    {"object": st.sampled_from(["whatsapp_business_account", "page"]),
     "entry": st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "changes": st.lists(
         st.fixed_dictionaries({"field": st.sampled_from(["messages", "x"]), "value": values}),
         max_size=2)}), max_size=2)},
)  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_client():
    app = build_app(make_settings(), Overrides())
    with TestClient(app, raise_server_exceptions=True) as client:
        yield client


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=st.one_of(documents, json_values))
def test_signed_garbage_never_crashes(fuzz_client, document):
    """Any JSON, signed: the answer is 200 (processed/ignored/dropped) or 400, never 5xx."""
    body = meta.meta_bytes(document)
    response = fuzz_client.post(
        "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": meta.sign(body)}
    )
    assert response.status_code in {200, 400}, response.text
