"""user_key derivation and E.164 validation."""

import base64
import hashlib
import hmac

import pytest

from pyloto_corp.application.inbound.process_inbound_message import user_key_of
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.identity import (
    InvalidPhone,
    parse_e164,
    phone_from_wa_id,
    user_key_for_business_scoped_id,
    user_key_for_phone,
)
from pyloto_corp.domain.messages import SenderIdKind, SenderRef

PEPPER = b"pepper-for-tests-0123456789abcdef"


def test_user_key_is_unpadded_base64url_hmac_of_the_e164_phone():
    """user_key = base64url(HMAC_SHA256(PEPPER_SECRET, phone_e164)) without '=' padding."""
    expected = base64.urlsafe_b64encode(
        hmac.new(PEPPER, b"+5542999990001", hashlib.sha256).digest()
    ).decode().rstrip("=")  # fmt: skip
    key = user_key_for_phone(PEPPER, "+55 (42) 99999-0001")
    assert key == expected and len(key) == 43 and "=" not in key
    assert set(key) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_same_phone_any_format_same_key_other_pepper_other_key():
    """Formatting does not matter; the pepper does."""
    assert user_key_for_phone(PEPPER, "+5542999990001") == user_key_for_phone(
        PEPPER, "+55 42 99999 0001"
    )
    assert user_key_for_phone(b"another-pepper", "+5542999990001") != user_key_for_phone(
        PEPPER, "+5542999990001"
    )


@pytest.mark.parametrize(
    "bad", ["", "5542999990001", "+0542999990001", "+55", "+55 42 9999x-0001", "+1234567890123456"]
)
def test_invalid_phones_are_a_typed_error(bad):
    """Without '+', too short, too long or with letters: InvalidPhone, no key computed."""
    with pytest.raises(InvalidPhone):
        user_key_for_phone(PEPPER, bad)


def test_wa_id_is_the_number_without_plus():
    """Meta's wa_id becomes the E.164 phone."""
    assert phone_from_wa_id("5542999990001") == parse_e164("+5542999990001")


def test_business_scoped_ids_get_their_own_key_space():
    """A BSUID never collides with a phone's key and needs a value and a pepper."""
    assert user_key_for_business_scoped_id(PEPPER, "5542999990001") != user_key_for_phone(
        PEPPER, "+5542999990001"
    )
    with pytest.raises(DomainError):
        user_key_for_business_scoped_id(PEPPER, "")
    with pytest.raises(DomainError):
        user_key_for_phone(b"", "+5542999990001")


def test_sender_keys_follow_the_identity_meta_shares():
    """wa_id → the phone's key; BSUID → its own key; a non-E.164 wa_id is still keyed."""
    by_phone = user_key_of(PEPPER, SenderRef(SenderIdKind.WA_ID, "5542999990001"))
    assert by_phone == user_key_for_phone(PEPPER, "+5542999990001")
    by_bsuid = user_key_of(PEPPER, SenderRef(SenderIdKind.USER_ID, "BR.77"))
    assert by_bsuid == user_key_for_business_scoped_id(PEPPER, "BR.77")
    odd = user_key_of(PEPPER, SenderRef(SenderIdKind.WA_ID, "123456"))
    assert odd == user_key_for_business_scoped_id(PEPPER, "123456")
