"""Values as the person and the team read them: "até 31/03/2027", "R$ 30.000", "200 por dia"."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

NOT_INFORMED = "não informado"
_SPOKEN = {"urgente": "urgente (o quanto antes)", "sem prazo": "sem prazo definido",
           "a pe": "a pé", "utilitario": "utilitário", "caminhao": "caminhão"}  # fmt: skip
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def shown(kind: str, value: Any) -> str:
    if value in (None, "", "unknown"):
        return NOT_INFORMED
    if isinstance(value, list):
        return ", ".join(shown(kind, v) for v in value)
    if kind == "budget" and isinstance(value, int):
        return "R$ " + f"{value:,}".replace(",", ".")
    if kind == "deadline" and _ISO_DAY.match(str(value)):
        return "até " + date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    if kind == "volume":
        return re.sub(r"(\d+)-(\d+)", r"\1 a \2", str(value)).replace("/", " por ")
    return _SPOKEN.get(str(value), str(value))
