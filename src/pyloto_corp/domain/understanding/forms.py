"""Messages pasted from a form ("Nome: Josefa\nCidade: Arapiraca\nVeículo: moto"): each
labelled line is read as the answer to its field; a label alone takes the bullets under it
("Turno:\n[x] tarde\n[x] noite\n[ ] manhã")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.values import fits

# Label (folded words) → (the extractor's field, the slot kind that reads its value).
LABELS = {
    ("nome",): ("name", "name"), ("responsavel",): ("name", "name"),
    ("nome", "completo"): ("name", "name"), ("cidade",): ("city", "city"),
    ("municipio",): ("city", "city"), ("empresa",): ("business_name", "company"),
    ("nome", "da", "empresa"): ("business_name", "company"),
    ("nome", "fantasia"): ("business_name", "company"), ("firma",): ("business_name", "company"),
    ("loja",): ("business_name", "company"), ("veiculo",): ("vehicle", "vehicle"),
    ("disponibilidade",): ("availability", "availability"),
    ("turno",): ("availability", "availability"), ("turnos",): ("availability", "availability"),
    ("horario",): ("availability", "availability"), ("canais",): ("channels", "channels"),
    ("canal",): ("channels", "channels"), ("usuarios",): ("user_count", "count"),
    ("atendentes",): ("user_count", "count"), ("pessoas",): ("user_count", "count"),
    ("quantidade", "de", "usuarios"): ("user_count", "count"),
    ("numero", "de", "usuarios"): ("user_count", "count"),
    ("qtd", "usuarios"): ("user_count", "count"), ("quantos", "usuarios"): ("user_count", "count"),
    ("qtd", "de", "usuarios"): ("user_count", "count"),
    ("orcamento",): ("budget", "budget"), ("budget",): ("budget", "budget"),
    ("prazo",): ("deadline", "deadline"), ("mensagens",): ("volume", "volume"),
    ("entregas",): ("volume", "volume"), ("volume",): ("volume", "volume"),
    ("pedidos",): ("volume", "volume"), ("segmento",): ("business_kind", "business"),
    ("ramo",): ("business_kind", "business"),
    ("tipo", "de", "negocio"): ("business_kind", "business"),
}  # fmt: skip
LISTS = frozenset(("availability", "channels"))
_LINE = re.compile(r"^\s*(?:[-•*]\s*)?([^\W\d_][^:\n]{0,30}?)\s*:\s*(.*)$")
_BULLET = re.compile(r"^\s*(?:[-•*▪◦]|\[[xX✓✔]\]|✅|☑)\s*(.+)$")
_UNCHECKED = re.compile(r"^\s*(?:\[\s?\]|☐|⬜)")
_NEXT_LABEL = re.compile(r"(?<=[.;])\s+(?=[^\W\d_][\w ]{0,30}:)")


def labelled(text: str, gazetteer: Gazetteer, today: date | None) -> dict[str, Any]:
    """The values of the labelled lines, by the extractor's field names."""
    if ":" not in text:
        return {}  # cheap: most messages are no form
    lines = [part for line in text.splitlines() for part in _NEXT_LABEL.split(line)]
    found: dict[str, Any] = {}
    i = 0
    while i < len(lines):
        line = _LINE.match(lines[i])
        label = LABELS.get(tuple(tokens(line.group(1)))) if line else None
        i += 1
        if line is None or label is None:
            continue
        said = line.group(2).strip(" .;,!")
        if not said:  # the answer is in the bullets below
            items, i = _bullets(lines, i)
            said = ", ".join(items)
        value = fits(label[1], said, gazetteer, today=today) if said else None
        if value is not None:
            found[label[0]] = tuple(value) if label[0] in LISTS else value
    return found


def _bullets(lines: list[str], i: int) -> tuple[list[str], int]:
    items = []
    while i < len(lines) and (_BULLET.match(lines[i]) or _UNCHECKED.match(lines[i])):
        bullet = _BULLET.match(lines[i])
        if bullet and not _UNCHECKED.match(lines[i]):
            items.append(bullet.group(1))
        i += 1
    return items, i
