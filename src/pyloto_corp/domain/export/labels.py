"""Words and time formats of the export, in Brazilian Portuguese for Pyloto's team."""

from __future__ import annotations

from datetime import datetime, tzinfo

from pyloto_corp.domain.labels import OUTCOMES, label

NONE = "—"
NO_TEXT = "(sem texto)"

DIRECTIONS = {"in": "recebida", "out": "enviada"}

LEAD_FIELDS = (
    ("name", "Nome"),
    ("phone", "Telefone"),
    ("city", "Cidade"),
    ("is_business", "É empresa"),
    ("business_name", "Empresa"),
    ("role", "Função"),
    ("user_id", "ID de usuário da Meta (BSUID)"),
    ("profile_name", "Nome no perfil do WhatsApp"),
)


def when(moment: datetime | None, zone: tzinfo) -> str:
    """``23/11/2026 09:00:00 -03:00`` in the export's zone (never the server's)."""
    if moment is None:
        return NONE
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return local.strftime("%d/%m/%Y %H:%M:%S ") + f"{offset[:3]}:{offset[3:]}"


def when_iso(stamp: str, zone: tzinfo) -> str:
    """An audit timestamp as stored (ISO text); shown as is when it does not parse."""
    try:
        parsed = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return str(stamp)
    return when(parsed, zone) if parsed.tzinfo is not None else str(stamp)


def outcome(code: str | None) -> str:
    return "em andamento" if code is None else label(OUTCOMES, code)


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def yes_no(value: bool) -> str:
    return "sim" if value else "não"


def value_text(value: object) -> str:
    """Slot values and requirements as one line (lists joined, empty as a dash)."""
    if value is None or value == "":
        return NONE
    if isinstance(value, list | tuple):
        return ", ".join(value_text(item) for item in value) or NONE
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v)}" for k, v in sorted(value.items())) or NONE
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)
