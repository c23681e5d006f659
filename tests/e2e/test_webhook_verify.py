"""GET /webhooks/whatsapp: Meta's subscription handshake."""

import pytest

from tests.support import meta

URL = "/webhooks/whatsapp"


def params(**overrides: str) -> dict[str, str]:
    values = {"hub.mode": "subscribe", "hub.verify_token": meta.VERIFY_TOKEN,
              "hub.challenge": "1158201444"}  # fmt: skip
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def test_valid_handshake_echoes_challenge_as_plain_text(client):
    """The challenge comes back verbatim, as text/plain, with 200."""
    response = client.get(URL, params=params())
    assert response.status_code == 200
    assert response.text == "1158201444"
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    "overrides",
    [
        {"hub.mode": "unsubscribe"},
        {"hub.verify_token": "wrong-token"},
        {"hub.verify_token": ""},
        {"hub.verify_token": meta.VERIFY_TOKEN + "x"},
    ],
)
def test_wrong_mode_or_token_is_forbidden(client, overrides):
    """Anything but mode=subscribe with the exact token answers 403 and echoes nothing."""
    response = client.get(URL, params=params(**overrides))
    assert response.status_code == 403
    assert "1158201444" not in response.text


def test_missing_parameters_are_forbidden(client):
    """A bare GET (no hub.* parameters) is refused."""
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("challenge", ["", "<script>alert(1)</script>", "x" * 300])
def test_unsafe_challenge_is_not_echoed(client, challenge):
    """A missing, over-long or markup challenge is rejected instead of reflected."""
    response = client.get(URL, params=params(**{"hub.challenge": challenge}))
    assert response.status_code == 400
    assert "<script>" not in response.text


@pytest.mark.parametrize("challenge", ["1158201444\n", "1158201444\r\n", "\n", "1158 201444"])
def test_challenge_must_match_as_a_whole(client, challenge):
    """A trailing newline (which a regex "$" lets through) is refused, never reflected."""
    response = client.get(URL, params=params(**{"hub.challenge": challenge}))
    assert response.status_code == 400
    assert "1158201444" not in response.text
