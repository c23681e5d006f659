"""Every setting of the service, read from the environment (and a local .env file)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from pyloto_corp.application.records.ops_keys import OpsKeyring
from pyloto_corp.infra.home import env_file
from pyloto_corp.infra.secret_rules import is_placeholder, weak_ops_keys, weak_secrets

DEV_PLACEHOLDER = "change-me-dev-only"

_SECRETS = (
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_WEBHOOK_SECRET",
    "WHATSAPP_VERIFY_TOKEN",
    "PEPPER_SECRET",
)
MIN_SECRET_LENGTH = 16  # shared secrets of the handoff destinations


class Settings(BaseSettings):
    model_config = SettingsConfigDict(  # .env of the project folder (infra.home), any cwd
        env_file=env_file(), env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    environment: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"
    google_cloud_project: str = ""
    zero_trust_mode: bool = False

    whatsapp_access_token: SecretStr = SecretStr(DEV_PLACEHOLDER)
    whatsapp_webhook_secret: SecretStr = SecretStr(DEV_PLACEHOLDER)
    whatsapp_verify_token: SecretStr = SecretStr(DEV_PLACEHOLDER)
    whatsapp_phone_number_id: str = ""
    webhook_max_body_bytes: int = Field(default=3 * 1024 * 1024, ge=1024)

    sender_backend: Literal["console", "graph"] = "console"
    graph_api_base_url: str = "https://graph.facebook.com"
    graph_api_version: str = Field(default="v24.0", pattern=r"^v\d+\.\d+$")
    graph_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    outbound_rate_per_second: int = Field(default=80, ge=1, le=1000)
    recipient_max_messages: int = Field(default=10, ge=1, le=100)
    recipient_window_seconds: float = Field(default=6.0, gt=0, le=600)
    outbox_max_attempts: int = Field(default=6, ge=1, le=50)
    outbox_retry_interval_seconds: float = Field(default=15.0, ge=0, le=3600)
    outbox_lease_seconds: float = Field(default=30.0, ge=1, le=600)
    outbox_backoff_scale: float = Field(default=1.0, gt=0, le=10)
    outbox_uncertain_wait_seconds: float = Field(default=600.0, gt=0)

    storage_backend: Literal["sqlite", "firestore"] = "sqlite"
    sqlite_path: str = "var/pyloto.sqlite3"
    firestore_project_id: str = ""
    firestore_database: str = "(default)"
    firestore_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    gcs_bucket_media: str = ""
    gcs_bucket_export: str = ""

    media_backend: Literal["local", "gcs"] = "local"
    media_local_dir: str = "var/media"
    media_max_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, le=100 * 1024 * 1024)
    media_retention_days: int = Field(default=90, ge=1, le=3650)
    export_retention_days: int = Field(default=180, ge=1, le=3650)
    conversation_retention_days: int = Field(default=365, ge=1, le=3650)

    export_backend: Literal["local", "gcs"] = "local"
    export_local_dir: str = "var/exports"
    export_signed_url_minutes: int = Field(default=15, ge=0, le=7 * 24 * 60)
    ops_api_keys: str = ""
    ops_rate_limit_per_minute: int = Field(default=10, ge=1, le=600)

    dedupe_backend: Literal["memory", "redis"] = "memory"
    redis_url: str = ""
    dedupe_lease_seconds: float = Field(default=30.0, gt=0)
    dedupe_done_ttl_seconds: float = Field(default=7 * 24 * 3600.0, gt=0)
    dedupe_memory_max_entries: int = Field(default=100_000, ge=100)

    pepper_secret: SecretStr = SecretStr(DEV_PLACEHOLDER)
    bot_persona_name: str = Field(default="Otto", min_length=1, max_length=40)
    session_timeout_minutes: int = Field(default=120, ge=1, le=7 * 24 * 60)
    route_cooldown_minutes: int = Field(default=30, ge=0, le=24 * 60)

    handoff_backend: Literal["log", "webhook", "chatwoot"] = "log"
    handoff_webhook_url: str = ""
    handoff_webhook_secret: SecretStr = SecretStr("")
    handoff_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    handoff_max_attempts: int = Field(default=8, ge=1, le=50)
    human_takeover_hours: int = Field(default=24, ge=1, le=7 * 24)
    chatwoot_base_url: str = ""
    chatwoot_account_id: int = Field(default=0, ge=0)
    chatwoot_inbox_id: int = Field(default=0, ge=0)
    chatwoot_api_token: SecretStr = SecretStr("")
    chatwoot_webhook_secret: SecretStr = SecretStr("")
    chatwoot_signing_secret: SecretStr = SecretStr("")

    @property
    def json_logs(self) -> bool:
        if self.log_format == "auto":
            return self.environment == "production"
        return self.log_format == "json"

    @property
    def trace_project(self) -> str:
        return self.google_cloud_project or self.firestore_project_id

    def ops_keyring(self) -> OpsKeyring:
        """Named SHA-256 hashes of the ops API keys (never the keys themselves)."""
        return OpsKeyring.parse(self.ops_api_keys)

    def configuration_problems(self) -> list[str]:
        """Names of settings that make the service unsafe to start (never their values)."""
        problems: list[str] = []
        if not self.whatsapp_webhook_secret.get_secret_value():
            problems.append("WHATSAPP_WEBHOOK_SECRET (vazio)")
        if self.storage_backend == "firestore" and not self.firestore_project_id.strip():
            problems.append("FIRESTORE_PROJECT_ID (obrigatório com STORAGE_BACKEND=firestore)")
        if self.sender_backend == "graph" and is_placeholder(
            self.whatsapp_access_token.get_secret_value()
        ):
            problems.append("WHATSAPP_ACCESS_TOKEN (obrigatório com SENDER_BACKEND=graph)")
        if self.sender_backend == "graph" and not self.whatsapp_phone_number_id.strip():
            problems.append("WHATSAPP_PHONE_NUMBER_ID (obrigatório com SENDER_BACKEND=graph)")
        if self.media_backend == "gcs" and not self.gcs_bucket_media.strip():
            problems.append("GCS_BUCKET_MEDIA (obrigatório com MEDIA_BACKEND=gcs)")
        if self.export_backend == "gcs" and not self.gcs_bucket_export.strip():
            problems.append("GCS_BUCKET_EXPORT (obrigatório com EXPORT_BACKEND=gcs)")
        try:
            self.ops_keyring()
        except ValueError as exc:
            problems.append(f"OPS_API_KEYS ({exc})")
        if self.dedupe_backend == "redis" and not self.redis_url:
            problems.append("REDIS_URL (obrigatório com DEDUPE_BACKEND=redis)")
        problems += self._handoff_problems()
        named = {problem.split(" ")[0] for problem in problems}
        if self.zero_trust_mode:  # one problem per setting: the basic one first
            problems += [p for p in self._zero_trust_problems() if p.split(" ")[0] not in named]
        return problems

    def _handoff_problems(self) -> list[str]:
        problems, needed = [], f"obrigatório com HANDOFF_BACKEND={self.handoff_backend}"
        if self.handoff_backend == "webhook":
            if not self.handoff_webhook_url.startswith(("https://", "http://")):
                problems.append(f"HANDOFF_WEBHOOK_URL ({needed}, http(s)://...)")
            if len(self.handoff_webhook_secret.get_secret_value()) < MIN_SECRET_LENGTH:
                problems.append(f"HANDOFF_WEBHOOK_SECRET ({needed}, mínimo 16 caracteres)")
        if self.handoff_backend == "chatwoot":
            if not self.chatwoot_base_url.startswith(("https://", "http://")):
                problems.append(f"CHATWOOT_BASE_URL ({needed})")
            for name in ("chatwoot_account_id", "chatwoot_inbox_id"):
                if not getattr(self, name):
                    problems.append(f"{name.upper()} ({needed})")
            if not self.chatwoot_api_token.get_secret_value():
                problems.append(f"CHATWOOT_API_TOKEN ({needed})")
            if len(self.chatwoot_webhook_secret.get_secret_value()) < MIN_SECRET_LENGTH:
                problems.append(f"CHATWOOT_WEBHOOK_SECRET ({needed}, mínimo 16 caracteres)")
        return problems

    def _zero_trust_problems(self) -> list[str]:
        problems = weak_secrets(self._secrets_in_use()) + weak_ops_keys(self.ops_api_keys)
        if not self.whatsapp_phone_number_id.strip():
            problems.append("WHATSAPP_PHONE_NUMBER_ID (ausente)")
        if self.environment == "production" and self.sender_backend == "console":
            problems.append("SENDER_BACKEND (console não envia nada; em produção use graph)")
        if self.environment == "production" and self.dedupe_backend == "memory":
            problems.append(
                "DEDUPE_BACKEND (memory não é compartilhado entre instâncias; use redis)"
            )
        return problems

    def _secrets_in_use(self) -> list[tuple[str, str]]:
        names = list(_SECRETS)
        if self.handoff_backend == "webhook":
            names.append("HANDOFF_WEBHOOK_SECRET")
        if self.handoff_backend == "chatwoot":
            names += ["CHATWOOT_API_TOKEN", "CHATWOOT_WEBHOOK_SECRET"]
            if self.chatwoot_signing_secret.get_secret_value():
                names.append("CHATWOOT_SIGNING_SECRET")
        return [(name, getattr(self, name.lower()).get_secret_value()) for name in names]
