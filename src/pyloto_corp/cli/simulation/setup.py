"""Settings for simulated conversations: embedded backends, no limits a script would trip."""

from __future__ import annotations

from pyloto_corp.infra.settings import Settings

SIMULATED_NUMBER_ID = "simulador"


def simulation_settings(base: Settings, sqlite_path: str) -> Settings:
    """The person's settings (persona, timeouts, content), run on SQLite with memory dedupe.

    The per-person send limit is relaxed so that a script never waits on the wall clock.
    """
    return base.model_copy(
        update={
            "storage_backend": "sqlite",
            "sqlite_path": sqlite_path,
            "dedupe_backend": "memory",
            "redis_url": "",
            "sender_backend": "console",
            "outbox_retry_interval_seconds": 0.0,
            "outbound_rate_per_second": 1000,
            "recipient_max_messages": 100,
            "recipient_window_seconds": 0.001,
            "whatsapp_phone_number_id": base.whatsapp_phone_number_id.strip()
            or SIMULATED_NUMBER_ID,
            "ops_api_keys": "",
            "export_backend": "local",
            "zero_trust_mode": False,
        }
    )
