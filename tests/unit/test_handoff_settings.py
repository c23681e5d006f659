"""HANDOFF_BACKEND refuses to start half configured, naming the settings (never values)."""

from __future__ import annotations

from pyloto_corp.infra.settings import Settings

SECRET = "segredo-da-equipe-123456"


def problems(**values) -> list[str]:
    return Settings(_env_file=None, **values).configuration_problems()


def test_the_log_backend_needs_nothing():
    assert not [p for p in problems() if p.startswith(("HANDOFF", "CHATWOOT"))]


def test_the_webhook_backend_needs_a_url_and_a_long_secret():
    found = problems(handoff_backend="webhook", handoff_webhook_secret="curto")
    assert any(p.startswith("HANDOFF_WEBHOOK_URL") for p in found)
    assert any(p.startswith("HANDOFF_WEBHOOK_SECRET") for p in found)
    assert all("curto" not in p for p in found)
    fine = problems(handoff_backend="webhook", handoff_webhook_url="https://n8n.exemplo.br/x",
                    handoff_webhook_secret=SECRET)  # fmt: skip
    assert not [p for p in fine if p.startswith("HANDOFF")]


def test_the_chatwoot_backend_needs_every_setting():
    found = problems(handoff_backend="chatwoot")
    names = {p.split(" ")[0] for p in found if p.startswith("CHATWOOT")}
    assert names == {"CHATWOOT_BASE_URL", "CHATWOOT_ACCOUNT_ID", "CHATWOOT_INBOX_ID",
                     "CHATWOOT_API_TOKEN", "CHATWOOT_WEBHOOK_SECRET"}  # fmt: skip
    fine = problems(handoff_backend="chatwoot", chatwoot_base_url="https://chat.exemplo.br",
                    chatwoot_account_id=1, chatwoot_inbox_id=2, chatwoot_api_token="t",
                    chatwoot_webhook_secret=SECRET)  # fmt: skip
    assert not [p for p in fine if p.startswith("CHATWOOT")]
