"""Chatwoot's Application API: one request per call, the bodies we send, typed failures.

All under ``{base_url}/api/v1/accounts/{account_id}``, header ``api_access_token``
(Chatwoot's ``swagger/paths``): ``GET /contacts/search?q=`` and ``GET /contacts/{id}/
conversations`` answer ``{"payload": [...]}``; ``POST /contacts`` answers ``{"payload":
{"contact", "contact_inbox": {"source_id"}}}``; ``POST /contacts/{id}/contact_inboxes``
the contact inbox (``source_id``); ``POST /conversations`` the conversation (``id`` is its
display id, the one every conversation route takes); ``POST /conversations/{id}/labels``
(replaces the list), ``/messages`` and ``/toggle_status``.

5xx, 429, timeouts and connection failures raise ``NotifyUnavailable`` (try later); any
other refusal ``NotifyRejected``. Codes name the status only: a URL may carry a phone
(the contact search), so no exception raised here ever carries the request.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from pyloto_corp.adapters.handoffs.chatwoot_events import our_mark
from pyloto_corp.application.handoffs.ports import Contact, Notice, NotifyRejected
from pyloto_corp.application.handoffs.ports import NotifyUnavailable as Unavailable
from pyloto_corp.domain import labels as words
from pyloto_corp.domain.export.labels import NO_TEXT, when
from pyloto_corp.domain.export.labels import value_text as text
from pyloto_corp.domain.handoff_events import HandoffEvent

TOO_MANY_REQUESTS, FIRST_SERVER_ERROR, FIRST_REDIRECT = 429, 500, 300
ZONE = ZoneInfo("America/Sao_Paulo")
PHONE_DIGITS = range(8, 16)


class ChatwootApi:
    def __init__(
        self, client: httpx.AsyncClient, *, base_url: str, account_id: int, api_token: str
    ) -> None:
        self._client, self._headers = client, {"api_access_token": api_token}
        self._root = f"{base_url.rstrip('/')}/api/v1/accounts/{account_id}"

    async def search_contacts(self, query: str) -> list[dict[str, Any]]:
        return _dicts(_get(await self._call("GET", "/contacts/search", {"q": query}), "payload"))

    async def create_contact(self, body: dict[str, Any]) -> tuple[int, str | None]:
        """The new contact's id and its source id in the inbox named in ``body``."""
        payload = _get(await self._call("POST", "/contacts", body=body), "payload")
        contact = _get(payload, "contact") or payload  # older releases: the contact itself
        source_id = _get(_get(payload, "contact_inbox"), "source_id")
        return record_id(contact), source_id if isinstance(source_id, str) and source_id else None

    async def create_contact_inbox(self, contact_id: int, inbox_id: int) -> str:
        path = f"/contacts/{contact_id}/contact_inboxes"
        source_id = _get(await self._call("POST", path, body={"inbox_id": inbox_id}), "source_id")
        if not isinstance(source_id, str) or not source_id:
            raise Unavailable("chatwoot_bad_response")
        return source_id

    async def contact_conversations(self, contact_id: int) -> list[dict[str, Any]]:
        return _dicts(_get(await self._call("GET", f"/contacts/{contact_id}/conversations"),
                           "payload"))  # fmt: skip

    async def create_conversation(self, body: dict[str, Any]) -> dict[str, Any]:
        answer = await self._call("POST", "/conversations", body=body)
        record_id(answer)
        return answer

    async def set_labels(self, conversation_id: int, labels: list[str]) -> None:
        await self._call(
            "POST", f"/conversations/{conversation_id}/labels", body={"labels": labels}
        )

    async def post_message(self, conversation_id: int, body: dict[str, Any]) -> None:
        await self._call("POST", f"/conversations/{conversation_id}/messages", body=body)

    async def set_status(self, conversation_id: int, status: str) -> None:
        path = f"/conversations/{conversation_id}/toggle_status"
        await self._call("POST", path, body={"status": status})

    async def _call(
        self, method: str, path: str, params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> Any:  # fmt: skip
        try:
            response = await self._client.request(
                method, self._root + path, json=body, params=params, headers=self._headers
            )
        except httpx.TimeoutException:
            raise Unavailable("chatwoot_timeout") from None
        except httpx.HTTPError:
            raise Unavailable("chatwoot_unreachable") from None
        status = response.status_code
        if status == TOO_MANY_REQUESTS or status >= FIRST_SERVER_ERROR:
            raise Unavailable(f"chatwoot_http_{status}")
        if status >= FIRST_REDIRECT:
            raise NotifyRejected(f"chatwoot_http_{status}")
        try:
            return response.json() if response.content else {}
        except ValueError:
            raise Unavailable("chatwoot_bad_response") from None


def record_id(record: Any) -> int:
    """A contact's or conversation's id as Chatwoot gave it (positive integer)."""
    value = _get(record, "id")
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise Unavailable("chatwoot_bad_response")
    return value


def contact_body(contact: Contact, phone: str | None, key: str, inbox_id: int) -> dict[str, Any]:
    name = contact.name or contact.business_name or "Lead do WhatsApp"
    body: dict[str, Any] = {"inbox_id": inbox_id, "name": name, "identifier": key}
    if phone:
        body["phone_number"] = phone
    extra = {"city": contact.city, "company_name": contact.business_name}
    if any(extra.values()):
        body["additional_attributes"] = {k: v for k, v in extra.items() if v}
    return body


def line_body(direction: str, content: str, source: str) -> dict[str, Any]:
    """A public message: the person's (``in``, incoming) or the bot's (``out``, outgoing)."""
    kind = "outgoing" if direction == "out" else "incoming"
    return {"content": content.strip() or NO_TEXT, "message_type": kind, "private": False,
            **our_mark(source)}  # fmt: skip


def message_body(event: HandoffEvent) -> dict[str, Any]:
    content, kind = event.data.get("text"), event.data.get("kind")
    if not isinstance(content, str) or not content.strip():
        content = f"[mensagem sem texto: {kind if isinstance(kind, str) and kind else 'outro'}]"
    direction = event.data.get("direction")
    return line_body(direction if isinstance(direction, str) else "in", content, event.event_id)


def note_body(content: str, source: str) -> dict[str, Any]:
    return {"content": content, "message_type": "outgoing", "private": True, **our_mark(source)}


REFUSED = {
    "window_closed": "⚠️ Mensagem NÃO enviada ao WhatsApp: passaram 24 h da última mensagem da "
                     "pessoa (regra da Meta). Espere ela escrever de novo ou ligue para ela.",
    "already_released": "⚠️ Mensagem NÃO enviada: o atendimento já foi devolvido ao bot.",
    "opted_out": "⚠️ Mensagem NÃO enviada: a pessoa pediu para não receber mais mensagens.",
    "other": "⚠️ Mensagem NÃO enviada ao WhatsApp.",
}  # fmt: skip


def release_note(reason: str) -> str:
    return f"Atendimento devolvido ao bot (motivo: {words.RELEASES.get(reason, reason)})"


def summary_note(notice: Notice) -> str:
    """What the team reads first, in Brazilian Portuguese."""
    lead, handoff = notice.handoff.lead, notice.handoff
    qualification = text(_word(words.PRIORITIES, lead.get("qualification_level")))
    reasons = lead.get("qualification_reasons")
    if reasons:
        named = [words.reason(str(r)) for r in reasons] if isinstance(reasons, list) else reasons
        qualification += f" (motivos: {text(named)})"
    requirements = lead.get("requirements")
    wanted = sorted(requirements.items()) if isinstance(requirements, dict) else []
    lines = ["Lead encaminhado pelo assistente da Pyloto no WhatsApp.",
             f"Resumo: {text(lead.get('summary'))}",
             f"Intenção principal: {text(_word(words.INTENTS, lead.get('intent_primary')))}",
             f"Qualificação: {qualification}", f"Prazo: {text(lead.get('deadline'))}",
             "Requisitos:" if wanted else f"Requisitos: {text(None)}",
             *(f"- {words.label(words.SLOTS, name)}: {text(value)}" for name, value in wanted),
             f"Equipe: {words.label(words.ROUTING, handoff.routing)}",
             f"Atendimento humano reservado até: {when(handoff.takeover_until, ZONE)}"]  # fmt: skip
    return "\n".join(lines)


def e164(phone: str | None) -> str | None:
    digits = "".join(char for char in phone or "" if char.isdigit())
    return f"+{digits}" if len(digits) in PHONE_DIGITS and digits[0] != "0" else None


def label_of(routing: str) -> str:
    """Chatwoot labels are lowercase slugs: "Pyloto Entrega" -> "pyloto_entrega"."""
    plain = unicodedata.normalize("NFKD", routing).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9_-]+", "_", plain).strip("_-") or "pyloto"


def _word(table: dict[str, str], code: Any) -> Any:
    return words.label(table, code) if code else code


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
