"""Ops keys: named SHA-256 hashes in settings, constant-time check, shown once when made."""

import pytest

from pyloto_corp.application.records.ops_keys import (
    KEY_PREFIX,
    OpsKeyring,
    hash_ops_key,
    new_ops_key,
)

KEY = "pyl_ops_correct-horse-battery-staple"


def test_parse_and_authenticate():
    """Only a key whose hash is configured authenticates; it answers the key's name."""
    other = new_ops_key()
    ring = OpsKeyring.parse(f" juridico:{hash_ops_key(KEY)} , ops-ana:{hash_ops_key(other)},")
    assert ring.names == ("juridico", "ops-ana")
    assert ring.authenticate(KEY) == "juridico"
    assert ring.authenticate(other) == "ops-ana"
    for wrong in (None, "", KEY + "x", hash_ops_key(KEY)):
        assert ring.authenticate(wrong) is None


def test_hash_is_case_insensitive_in_settings():
    """Upper-case hex from another tool is accepted."""
    ring = OpsKeyring.parse(f"juridico:{hash_ops_key(KEY).upper()}")
    assert ring.authenticate(KEY) == "juridico"


@pytest.mark.parametrize(
    "raw",
    [f"juridico:{KEY}", "juridico", "Juridico:" + "a" * 64, "x:" + "g" * 64,
     "a:" + "a" * 64 + ",a:" + "b" * 64, ":" + "a" * 64],
)  # fmt: skip
def test_malformed_entries_are_refused_without_echoing(raw):
    """A plaintext key, a missing hash, a bad name or a repeated name: ValueError, no value."""
    with pytest.raises(ValueError) as caught:
        OpsKeyring.parse(raw)
    assert KEY not in str(caught.value) and "a" * 64 not in str(caught.value)


def test_empty_setting_means_no_keys():
    """No keys configured: nobody authenticates."""
    ring = OpsKeyring.parse("")
    assert ring.names == () and ring.authenticate(KEY) is None


def test_new_keys_are_long_random_and_prefixed():
    """Each new key is different, prefixed for secret scanners, with 256 bits of randomness."""
    keys = {new_ops_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(k.startswith(KEY_PREFIX) and len(k) >= len(KEY_PREFIX) + 43 for k in keys)
