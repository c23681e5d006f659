"""The lead's fields as the team receives them: one name per field, one normalized value.

A turn's reading holds values under the extractor's names (``Entities``); the slots of a need
have their own names (``message_volume``, ``segment``). This maps both onto the fields of
the slot corpus (``corpus/slots/README.md``), so what is measured is what is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pyloto_corp.domain.understanding.acts import Act, TurnReading

FIELDS = ("name", "city", "company", "role", "is_business", "business_type", "deadline",
          "followup", "user_count", "volume", "vehicle", "availability", "channels", "budget",
          "cpf", "cnpj")  # fmt: skip
# Field → the extractor's name for it (``Entities``).
ENTITY = {"name": "name", "city": "city", "company": "business_name", "role": "role",
          "is_business": "is_business", "business_type": "business_kind",
          "deadline": "deadline", "user_count": "user_count", "volume": "volume",
          "vehicle": "vehicle", "availability": "availability", "channels": "channels",
          "budget": "budget", "cpf": "cpf", "cnpj": "cnpj"}  # fmt: skip
# A slot of some need → the field it fills.
SLOT_FIELD = {"message_volume": "volume", "delivery_volume": "volume", "segment": "business_type",
              "business_type": "business_type", "company": "company", "name": "name",
              "city": "city", "user_count": "user_count", "deadline": "deadline",
              "vehicle": "vehicle", "availability": "availability", "channels": "channels",
              "budget": "budget"}  # fmt: skip


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def found_fields(reading: TurnReading) -> dict[str, Any]:
    """Every field the message carries, anywhere in it (empty ones left out)."""
    entities = reading.entities
    found: Mapping[str, Any] = entities.found() if entities is not None else {}
    values = {f: _plain(found[e]) for f, e in ENTITY.items() if e in found}
    if reading.when_window and (Act.FOLLOWUP_REQUEST in reading.acts or _calls(reading)):
        values["followup"] = reading.when_window
    return values


CALL_BACK = (
    "lig",
    "retorn",
    "chama",
    "contat",
    "falar",
    "conversar",
    "melhor",
    "atender",
    "me manda",
)  # "terça de noite é melhor", "me manda msg amanhã cedo"


def _calls(reading: TurnReading) -> bool:
    """A call-back time said in passing ("me liga segunda", "pode ser às 15h")."""
    words = list(reading.words)
    agreed = any(words[i : i + 2] == ["pode", "ser"] for i in range(len(words))) or bool(
        {"serve", "otimo"} & set(words))  # "às 4 hoje tá ótimo"  # fmt: skip
    said = " ".join(words)
    return any(w.startswith(CALL_BACK) for w in words) or agreed or "me manda" in said


def answered(reading: TurnReading) -> Any:
    """The pending slot's value, when the message answers it (None otherwise)."""
    return _plain(reading.answer) if Act.ANSWER in reading.acts else None
