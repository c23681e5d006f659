"""The ``pyloto-corp leads`` table: what the team reads in the terminal, in pt-BR.

JSON and CSV keep the canonical codes (the same keys and values as ``GET /v1/handoffs``,
and what ``--routing``/``--status`` accept); the table shows people's words and local time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from pyloto_corp.domain import labels as words
from pyloto_corp.domain.export.labels import when
from pyloto_corp.infra.timezone import bundled_zone

ZONE = bundled_zone("America/Sao_Paulo")
COLUMNS = (
    ("created_at", "Criado em", None),
    ("handoff_id", "Encaminhamento", None),
    ("routing", "Destino", words.ROUTING),
    ("qualification_level", "Qualificação", words.PRIORITIES),
    ("takeover", "Atendimento", words.TAKEOVER),
    ("delivery", "Entrega", words.DELIVERY),
    ("name", "Nome", None),
    ("phone", "Telefone", None),
)


def cell(key: str, value: Any, table: dict[str, str] | None) -> str:
    if value is None or value == "":
        return "-"
    if key == "created_at":
        return when(datetime.fromisoformat(str(value)), ZONE)
    return words.label(table, value) if table is not None else str(value)


def write_table(rows: list[dict[str, Any]], out: TextIO) -> None:
    """Aligned columns, one lead a line, then the count."""
    flat = [[cell(key, row.get(key), table) for key, _, table in COLUMNS] for row in rows]
    heads = [head for _, head, _ in COLUMNS]
    widths = [max([len(h), *(len(r[n]) for r in flat)]) for n, h in enumerate(heads)]
    for line in (heads, *flat):
        print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip(), file=out)
    print(f"{len(rows)} encaminhamento(s)", file=out)
