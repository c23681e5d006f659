"""The strength rules applied to secrets under ZERO_TRUST_MODE."""

import base64
import random

import pytest

from pyloto_corp.infra.secret_rules import is_common_word, is_placeholder, weakness


@pytest.mark.parametrize(
    "value",
    ["", "  ", "change-me-dev-only", "troque-este-token", "<seu-pepper>", "your-token-here",
     "XXXXXXXX", "TODO", "exemplo-de-segredo"],
)  # fmt: skip
def test_placeholders_are_recognised(value):
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value",
    ["CUzErhOViQHiuixASdkYZMXaC_kxxxJZhzWWz7xdVXk", "68aSn2QMby-SuA-TP-8bDIllBG1pYx_fmFm6DSELCyE",
     "9f8e7d6c5b4a39281706f5e4d3c2b1a0"],
)  # fmt: skip
def test_random_tokens_holding_marker_letters_are_not_placeholders(value):
    """ "xxx" or "sua" inside a random token is chance, not a placeholder to replace."""
    assert not is_placeholder(value) and weakness("PEPPER_SECRET", value) is None


@pytest.mark.parametrize(
    "value",
    ["secret", "PASSWORD", "password123", "Changeme", "senha", "Test", "token", "senha2024",
     "secret_token_2024", "SenhaSenhaSenha", "senha.secreta!"],
)  # fmt: skip
def test_dictionary_words_with_digits_are_common(value):
    assert is_common_word(value)


@pytest.mark.parametrize("value", ["a-long-random-verify-token-42", "pyloto-n8n-Yq8vT2nW6zR0"])
def test_words_mixed_with_random_parts_are_not_common(value):
    assert not is_common_word(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("k" * 32, "fraco: um caractere ou trecho curto repetido"),
     ("ab12" * 8, "fraco: um caractere ou trecho curto repetido"),
     ("Password" + "1" * 24, "fraco: palavra comum ou provisória"),
     ("s3cr3t-but-short", "fraco: mínimo 32 caracteres")],
)  # fmt: skip
def test_weakness_names_the_rule(value, reason):
    assert weakness("WHATSAPP_WEBHOOK_SECRET", value) == reason


def test_generated_secrets_always_pass():
    """What the docs tell people to run (`secrets.token_urlsafe(32)`, hex App Secrets) passes.

    The same shapes from a seeded generator: a random "-todo-" inside a token would make a
    run fail by chance, never the rules."""
    rng = random.Random(20261205)
    tokens = [base64.urlsafe_b64encode(rng.randbytes(32)).rstrip(b"=").decode()
              for _ in range(2000)]  # fmt: skip
    tokens += [rng.randbytes(16).hex() for _ in range(2000)]
    assert [t for t in tokens if weakness("HANDOFF_WEBHOOK_SECRET", t)] == []
