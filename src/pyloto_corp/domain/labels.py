"""What people read instead of canonical codes: one pt-BR map for every human-facing text.

Machine-facing fields (webhook payloads, API answers, audit events, logs) keep the
canonical English codes; exports, the team's notes, the lead list and the simulator
show these labels. An unknown code is shown as it is (never hidden).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

PRIORITIES = {"high": "alta", "medium": "média", "low": "baixa"}

ROLES = {
    "owner": "dono",
    "partner": "sócio",
    "director": "diretor",
    "ceo": "diretor-presidente",
    "founder": "fundador",
    "manager": "gerente",
    "employee": "funcionário",
    "it": "TI",
}

ROUTING = {
    "sales_custom_software": "vendas — sistemas sob medida",
    "sales_saas": "vendas — atendimento automático",
    "entrega_commercial": "Pyloto Entrega — comercial",
    "entrega_driver_onboarding": "Pyloto Entrega — cadastro de entregadores",
    "entrega_request_channel": "Pyloto Entrega — canal de pedidos",
    "entrega_support": "Pyloto Entrega — suporte",
    "institutional": "institucional",
    "triage": "triagem",
    "none": "nenhum",
}

TEAM_OFFERS = {"side_cnpj": "CNPJ da Pyloto", "side_address": "endereço da Pyloto"}  # asked for

OUTCOMES = {
    "HANDOFF_HUMAN": "encaminhada a uma pessoa da equipe",
    "SELF_SERVE_INFO": "respondida com informação",
    "ROUTE_EXTERNAL": "enviada a outro canal da Pyloto",
    "SCHEDULED_FOLLOWUP": "retorno agendado",
    "AWAITING_USER": "encerrada por inatividade",
    "DUPLICATE_OR_SPAM": "repetição ou spam",
    "UNSUPPORTED": "fora do escopo",
    "FAILED_INTERNAL": "erro interno",
}

INTENTS = {
    "CUSTOM_SOFTWARE": "sistemas sob medida",
    "SAAS_COMMUNICATION": "atendimento automático",
    "PYLOTO_ENTREGA_REQUEST": "pedido de entrega",
    "PYLOTO_ENTREGA_DRIVER_SIGNUP": "cadastro de entregador",
    "PYLOTO_ENTREGA_MERCHANT_SIGNUP": "Pyloto Entrega para empresas",
    "INSTITUTIONAL": "informações sobre a Pyloto",
    "ENTRY_UNKNOWN": "ainda não identificada",
    "UNSUPPORTED": "fora do escopo",
}

REASONS = {
    "commercial_intent": "interesse comercial",
    "informational_intent": "só informação",
    "courier_signup": "cadastro de entregador (não é venda)",
    "support_case": "reclamação ou problema com algo já contratado",
    "all_critical_fields": "todos os dados essenciais",
    "urgency": "urgência",
    "decision_maker_role": "fala com quem decide",
    "budget_informed": "orçamento informado",
    "human_requested": "pediu para falar com uma pessoa",
    "asked_price": "perguntou o preço",
    "outside_service_area": "fora da região atendida pelo Pyloto Entrega (interesse registrado)",
}

SLOTS = {
    "problem": "necessidade",
    "features": "funcionalidades",
    "user_count": "usuários",
    "city": "cidade",
    "deadline": "prazo",
    "budget": "orçamento",
    "budget_min": "orçamento a partir de",
    "budget_period": "período do orçamento",
    "business_type": "tipo de negócio",
    "channels": "canais",
    "message_volume": "volume de mensagens",
    "main_pain": "principal dificuldade",
    "automation_goal": "objetivo",
    "company": "empresa",
    "segment": "segmento",
    "delivery_volume": "volume de entregas",
    "name": "nome",
    "vehicle": "veículo",
    "availability": "disponibilidade",
    "followup_when": "retorno combinado para",
    "followup_window": "janela de retorno",
    "issue": "problema relatado",
    "language": "idioma",
    "request": "pedido da pessoa",
}

KINDS = {
    "text": "texto",
    "image": "imagem",
    "audio": "áudio",
    "video": "vídeo",
    "document": "documento",
    "sticker": "figurinha",
    "location": "localização",
    "contacts": "contato",
    "interactive": "resposta a botão ou lista",
    "button": "botão",
    "reaction": "reação",
    "order": "pedido do catálogo",
    "system": "aviso do sistema",
    "unsupported": "não suportada",
}

SUPPORT_SUBJECT = "reclamação ou problema com algo já contratado (suporte)"
FRAUD_SUBJECT = "possível golpe usando o nome da Pyloto (contato ou cobrança a confirmar)"
SUPPORT_COURIER = "entregador que trabalha com o Pyloto Entrega (repasse, corridas)"

RELEASES = {"chatwoot_resolved": "resolvido no Chatwoot", "opt_out": "a pessoa pediu para sair",
            "expired": "prazo do atendimento humano encerrado", "language_switch":
            "a pessoa passou a escrever em português; o bot seguiu o atendimento"}  # fmt: skip

TAKEOVER = {"open": "com a equipe", "expired": "expirado", "released": "devolvido ao bot"}
DELIVERY = {"pending": "pendente", "delivered": "entregue", "failed": "falhou"}


def label(table: Mapping[str, str], code: object) -> str:
    """The pt-BR word for ``code``; the code itself when the table does not know it."""
    text = str(code)
    return table.get(text, text)


def reason(code: str) -> str:
    """A qualification reason; ``missing:city`` reads "falta: cidade"."""
    field = code.partition("missing:")[2] if code.startswith("missing:") else ""
    return f"falta: {label(SLOTS, field)}" if field else label(REASONS, code)


def labels(table: Mapping[str, str], codes: Iterable[object]) -> list[str]:
    return [label(table, code) for code in codes]
