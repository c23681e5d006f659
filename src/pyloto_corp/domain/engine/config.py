"""The engine's settings: persona and the windows measured on the service's clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class EngineConfig:
    persona: str = "Otto"
    session_timeout: timedelta = timedelta(hours=2)
    route_cooldown: timedelta = timedelta(minutes=30)
    spam_quiet: timedelta = timedelta(minutes=10)
    takeover: timedelta = timedelta(hours=24)  # HUMAN_TAKEOVER_HOURS: the team has the person
