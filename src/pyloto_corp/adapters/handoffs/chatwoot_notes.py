"""Private notes the agent reads in the Chatwoot conversation, beside the person's messages."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain import labels as words
from pyloto_corp.domain.export.labels import value_text as text

ESCALATED = "⚠️ A pessoa pediu para falar com um responsável. Responda assim que puder."
PRESSED = "⏳ A pessoa insistiu e ainda espera uma resposta da equipe."
CONTACT = {"name": "Nome", "business_name": "Empresa", "city": "Cidade"}


def lead_update_note(update: Any) -> str:
    """ "📝 Dado novo do contato, dito depois do encaminhamento: Nome: Everton; Volume de
    entregas: 30/dia" (who the person is, and the fields the lead lacked)."""
    update = update if isinstance(update, dict) else {}
    said = [f"{CONTACT[k]}: {update[k]}" for k in CONTACT if update.get(k)]
    fields = update.get("requirements")
    if isinstance(fields, dict):
        said += [f"{_capital(words.label(words.SLOTS, k))}: {text(v)}" for k, v in fields.items()]
    return "📝 Dado novo do contato, dito depois do encaminhamento: " + "; ".join(said)


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]
