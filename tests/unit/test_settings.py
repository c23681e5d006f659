"""Settings and the zero-trust refusal to start with missing or placeholder secrets."""

import pytest

from pyloto_corp.application.records.ops_keys import hash_ops_key, new_ops_key
from pyloto_corp.bootstrap import ConfigurationError, build_dependencies
from pyloto_corp.infra.settings import Settings, is_placeholder
from tests.conftest import make_settings

STRONG = {
    "zero_trust_mode": True,
    "whatsapp_access_token": "EAAG-real-looking-token-1234567890",
    "whatsapp_webhook_secret": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "whatsapp_verify_token": "a-long-random-verify-token-42",
    "whatsapp_phone_number_id": "106540352242922",
    "pepper_secret": "p" * 16 + "Q" * 16 + "z" * 8,
}


def test_zero_trust_accepts_real_secrets():
    """With every secret set to a real-looking value, the service builds."""
    assert build_dependencies(make_settings(**STRONG)).webhook.phone_number_id


@pytest.mark.parametrize(
    ("name", "value"),
    [("whatsapp_access_token", ""), ("whatsapp_webhook_secret", "change-me-dev-only"),
     ("whatsapp_verify_token", "troque-este-token"), ("pepper_secret", "<seu-pepper>"),
     ("pepper_secret", "short-but-not-placeholder"), ("whatsapp_phone_number_id", " ")],
)  # fmt: skip
def test_zero_trust_refuses_and_names_the_setting_not_the_value(name, value):
    """Each missing/placeholder/weak secret is named in the error; its value never is."""
    with pytest.raises(ConfigurationError) as caught:
        build_dependencies(make_settings(**(STRONG | {name: value})))
    message = str(caught.value)
    assert name.upper() in message
    assert not value.strip() or value not in message


@pytest.mark.parametrize(
    ("name", "value", "rule"),
    [("whatsapp_webhook_secret", "9f8e7d6c5b4a39281706f5e4d3c2b1a", "mínimo 32"),
     ("whatsapp_verify_token", "a-verify-tok-15", "mínimo 16"),
     ("whatsapp_access_token", "EAAG-real-looking-token-1234567", "mínimo 32"),
     ("pepper_secret", "q" * 40, "repetido"),
     ("whatsapp_webhook_secret", "Password1234567890123456789012345", "palavra comum"),
     ("whatsapp_verify_token", "SENHA123", "mínimo 16"),
     ("whatsapp_verify_token", "senhasecretosenha123", "palavra comum"),
     ("pepper_secret", "secret_token_2024_Senha_password", "palavra comum"),
     ("whatsapp_access_token", "TOKEN" * 8, "palavra comum")],
)  # fmt: skip
def test_zero_trust_refuses_weak_secrets_naming_the_rule(name, value, rule):
    """Too short, one character repeated or a dictionary word: refused, the value never shown."""
    with pytest.raises(ConfigurationError) as caught:
        build_dependencies(make_settings(**(STRONG | {name: value})))
    message = str(caught.value)
    assert f"{name.upper()} (" in message and rule in message
    assert value not in message


def test_zero_trust_in_production_refuses_console_sender_and_memory_dedupe():
    """ENVIRONMENT=production would answer 200 and send nothing, or dedupe per instance."""
    with pytest.raises(ConfigurationError) as caught:
        build_dependencies(make_settings(**STRONG, environment="production"))
    assert "SENDER_BACKEND (" in str(caught.value) and "DEDUPE_BACKEND (" in str(caught.value)
    real = make_settings(**STRONG, environment="production", sender_backend="graph",
                         dedupe_backend="redis", redis_url="redis://127.0.0.1:1/0")  # fmt: skip
    assert real.configuration_problems() == []
    assert make_settings(**STRONG, environment="test").configuration_problems() == []


def _handoff(**values) -> list[str]:
    return make_settings(**STRONG, **values).configuration_problems()


def test_zero_trust_checks_the_secrets_of_the_handoff_destination():
    """HANDOFF_WEBHOOK_SECRET and the Chatwoot secrets follow the same rules when in use."""
    webhook = {"handoff_backend": "webhook", "handoff_webhook_url": "https://n8n.exemplo.br/x"}
    assert _handoff(**webhook, handoff_webhook_secret="senha-do-n8n-123") == [
        "HANDOFF_WEBHOOK_SECRET (fraco: mínimo 32 caracteres)"]  # fmt: skip
    assert _handoff(**webhook, handoff_webhook_secret="s3gr3d0-d0-n8n-" * 3) == []
    chatwoot = {"handoff_backend": "chatwoot", "chatwoot_base_url": "https://chat.exemplo.br",
                "chatwoot_account_id": 1, "chatwoot_inbox_id": 2,
                "chatwoot_api_token": "aB3dE5fG7hJ9kL2mN4pQ6rS8",
                "chatwoot_webhook_secret": "Yq8-vT2nW6zR0mK4pL7sX1cB9dF3gH5j"}  # fmt: skip
    assert _handoff(**chatwoot) == []
    weak_values = {"chatwoot_api_token": "x" * 30, "chatwoot_signing_secret": "webhook-token-24"}
    weak = _handoff(**chatwoot | weak_values)
    assert sorted(p.split(" (")[0] for p in weak) == ["CHATWOOT_API_TOKEN",
                                                      "CHATWOOT_SIGNING_SECRET"]  # fmt: skip
    assert _handoff(**webhook, handoff_webhook_secret="aaaa") == [
        "HANDOFF_WEBHOOK_SECRET (obrigatório com HANDOFF_BACKEND=webhook, mínimo 16 caracteres)"
    ]


def test_zero_trust_refuses_an_ops_key_that_is_a_common_word():
    """OPS_API_KEYS holds hashes: a key that is a common word or a run of one character is
    recognised by its hash and named by position."""
    good = f"juridico:{hash_ops_key(new_ops_key())}"
    keys = f"{good},ops:{hash_ops_key('Senha123')},x:{hash_ops_key('z' * 40)}"
    assert _handoff(ops_api_keys=good) == []
    assert _handoff(ops_api_keys=keys) == [
        "OPS_API_KEYS (entrada 2: chave fraca, fácil de adivinhar)",
        "OPS_API_KEYS (entrada 3: chave fraca, fácil de adivinhar)"]  # fmt: skip
    assert make_settings(ops_api_keys=keys).configuration_problems() == []


def test_development_defaults_are_placeholders_but_allowed():
    """Without ZERO_TRUST_MODE the dev placeholders let `make run` work."""
    settings = Settings(_env_file=None)
    assert not settings.zero_trust_mode
    assert is_placeholder(settings.pepper_secret.get_secret_value())
    assert build_dependencies(settings).webhook.app_secret


def test_empty_webhook_secret_is_refused_even_in_development():
    """An empty app secret would make any signature forgeable: never start."""
    with pytest.raises(ConfigurationError, match="WHATSAPP_WEBHOOK_SECRET"):
        build_dependencies(make_settings(whatsapp_webhook_secret=""))


def test_redis_backend_requires_a_url():
    """DEDUPE_BACKEND=redis without REDIS_URL is a configuration error."""
    with pytest.raises(ConfigurationError, match="REDIS_URL"):
        build_dependencies(make_settings(dedupe_backend="redis", redis_url=""))


def test_settings_read_from_environment(monkeypatch):
    """Names from the seed are read from the environment."""
    monkeypatch.setenv("DEDUPE_BACKEND", "redis")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("WHATSAPP_PHONE_NUMBER_ID", "42")
    monkeypatch.setenv("LOG_FORMAT", "console")
    settings = Settings(_env_file=None)
    assert (settings.dedupe_backend, settings.whatsapp_phone_number_id) == ("redis", "42")
    assert settings.json_logs is False


@pytest.mark.parametrize(
    ("environment", "expected"), [("production", True), ("development", False)]
)
def test_auto_log_format_follows_environment(environment, expected):
    """JSON logs in production, console in development, unless LOG_FORMAT says otherwise."""
    assert Settings(_env_file=None, environment=environment).json_logs is expected


def test_trace_project_falls_back_to_firestore_project():
    """The Cloud Logging trace link uses GOOGLE_CLOUD_PROJECT, else FIRESTORE_PROJECT_ID."""
    assert Settings(_env_file=None, firestore_project_id="p1").trace_project == "p1"
    settings = Settings(_env_file=None, google_cloud_project="g", firestore_project_id="p1")
    assert settings.trace_project == "g"


def test_firestore_backend_requires_a_project():
    """STORAGE_BACKEND=firestore without FIRESTORE_PROJECT_ID is refused."""
    with pytest.raises(ConfigurationError, match="FIRESTORE_PROJECT_ID"):
        build_dependencies(make_settings(storage_backend="firestore", firestore_project_id=""))
