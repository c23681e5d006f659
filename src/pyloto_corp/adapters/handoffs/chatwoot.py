"""Handoffs delivered as Chatwoot conversations, through Chatwoot's Application API.

``handoff.created``: the person's contact is found by phone (E.164), else by identifier
(the handoff's ``user_key``: people known only by a business-scoped id have no phone), else
created in our inbox; a conversation is opened in our inbox with ``pyloto_handoff_id`` in
its custom and additional attributes, labelled with the routing as a Chatwoot slug, and
given the transcript, then a private note with the summary and qualification (pt-BR).
The transcript goes one message per line, the person's lines as ``incoming`` and the bot's
as ``outgoing``: the team reads the conversation as it happened, in the thread where it
goes on. This needs an API channel inbox (only those take ``incoming`` messages by API,
and deliver ``outgoing`` ones to our webhook instead of to WhatsApp), and every post is
marked as ours (``chatwoot_events.our_mark``) so its webhook echo is never taken for an
agent's reply.

A redelivered ``handoff.created`` (crash, lost answer) finds the conversation already
opened for the handoff among the contact's conversations and reuses it: never two
conversations for one handoff, nor a second transcript once it has messages (a crash in
the middle of the transcript leaves it partial rather than doubled). Chatwoot lists a
contact's newest conversations, which is where a redelivery's conversation is.

``conversation.message`` posts the forwarded message; ``handoff.released`` resolves the
conversation and leaves a private note (only the note when Chatwoot resolved it itself).
Both need the conversation named in ``handoff.remote``: without it they wait
(``NotifyUnavailable``) for ``handoff.created`` to be delivered first.
"""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import structlog

from pyloto_corp.adapters.handoffs.chatwoot_api import (
    REFUSED,
    ChatwootApi,
    contact_body,
    e164,
    label_of,
    line_body,
    message_body,
    note_body,
    record_id,
    release_note,
    summary_note,
)
from pyloto_corp.adapters.handoffs.chatwoot_events import (
    ChatwootAgentReply,
    ChatwootResolved,
    handoff_attributes,
    handoff_id_of,
    parse_chatwoot_webhook,
)
from pyloto_corp.adapters.handoffs.chatwoot_notes import ESCALATED, PRESSED, lead_update_note
from pyloto_corp.application.handoffs.ports import Notice, NotifyRejected, NotifyUnavailable
from pyloto_corp.domain.handoff_events import EventKind, HandoffEvent, HandoffRecord

log = structlog.get_logger(__name__)
RESOLVED_BY_CHATWOOT = "chatwoot_resolved"

__all__ = ["ESCALATED", "PRESSED", "ChatwootAgentReply", "ChatwootNotifier", "ChatwootResolved",
           "parse_chatwoot_webhook"]  # fmt: skip


class ChatwootNotifier:
    name = "chatwoot"
    wants_transcript = True

    def __init__(
        self, client: httpx.AsyncClient, *, base_url: str, account_id: int, inbox_id: int,
        api_token: str,
    ) -> None:  # fmt: skip
        self._client, self._inbox_id = client, inbox_id
        self._api = ChatwootApi(client, base_url=base_url, account_id=account_id,
                                api_token=api_token)  # fmt: skip

    async def notify(self, notice: Notice) -> dict[str, Any] | None:
        if notice.event.kind is EventKind.CREATED:
            return await self._created(notice)
        conversation_id = _conversation_id(notice.handoff.remote)
        if notice.event.kind is EventKind.MESSAGE:
            await self._api.post_message(conversation_id, message_body(notice.event))
            update = lead_update_note(notice.event.data.get("lead_update"))
            for flag, note in (("human_requested", ESCALATED), ("pressed", PRESSED),
                               ("lead_update", update)):  # fmt: skip
                if notice.event.data.get(flag):  # "quero falar com o gerente", "alguém aí??"
                    source = f"{notice.event.event_id}:{flag}"
                    await self._api.post_message(conversation_id, note_body(note, source))
        else:
            await self._released(conversation_id, notice.event)
        return None

    async def refused(self, handoff: HandoffRecord, reason: str) -> None:
        """A private note where the agent wrote: their reply did not reach WhatsApp."""
        note = REFUSED.get(reason, REFUSED["other"])
        source = f"{handoff.handoff_id}:refused:{secrets.token_hex(4)}"
        await self._api.post_message(_conversation_id(handoff.remote), note_body(note, source))

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _created(self, notice: Notice) -> dict[str, Any]:
        handoff = notice.handoff
        contact_id, source_id = await self._contact(notice)
        conversation = await self._existing(contact_id, handoff.handoff_id)
        fresh = conversation is None
        if conversation is None:
            source_id = source_id or await self._api.create_contact_inbox(
                contact_id, self._inbox_id
            )
            body = {"source_id": source_id, "inbox_id": self._inbox_id, "contact_id": contact_id,
                    "status": "open", **handoff_attributes(handoff.handoff_id)}  # fmt: skip
            conversation = await self._api.create_conversation(body)
        conversation_id = record_id(conversation)
        labels = conversation.get("labels")
        current = [x for x in labels if isinstance(x, str)] if isinstance(labels, list) else []
        if label_of(handoff.routing) not in current:
            await self._api.set_labels(conversation_id, [*current, label_of(handoff.routing)])
        if fresh or not conversation.get("messages"):
            await self._post_transcript(conversation_id, notice)
        log.info("handoff.chatwoot_opened", handoff_id=handoff.handoff_id,
                 chatwoot_conversation_id=conversation_id, reused=not fresh)  # fmt: skip
        return {"chatwoot_contact_id": contact_id, "chatwoot_conversation_id": conversation_id}

    async def _contact(self, notice: Notice) -> tuple[int, str | None]:
        """Chatwoot's contact for the person and its source id in our inbox (None: none yet)."""
        phone, key = e164(notice.contact.phone), notice.handoff.user_key
        found = await self._find_contact(phone, key)
        if found is None:
            body = contact_body(notice.contact, phone, key, self._inbox_id)
            try:
                return await self._api.create_contact(body)
            except NotifyRejected as refused:  # 422: created meanwhile with that phone or id
                if refused.code != "chatwoot_http_422":
                    raise
                found = await self._find_contact(phone, key)
                if found is None:
                    raise
        return record_id(found), self._source_in_inbox(found)

    async def _find_contact(self, phone: str | None, key: str) -> dict[str, Any] | None:
        for query, field in ((phone, "phone_number"), (key, "identifier")):
            for contact in await self._api.search_contacts(query) if query else ():
                if contact.get(field) == query:  # the search also matches parts of names
                    return contact
        return None

    def _source_in_inbox(self, contact: dict[str, Any]) -> str | None:
        links = contact.get("contact_inboxes")
        for link in links if isinstance(links, list) else ():
            inbox = link.get("inbox") if isinstance(link, dict) else None
            source_id = link.get("source_id") if isinstance(inbox, dict) else None
            if inbox and inbox.get("id") == self._inbox_id and isinstance(source_id, str):
                return source_id or None
        return None

    async def _existing(self, contact_id: int, handoff_id: str) -> dict[str, Any] | None:
        for conversation in await self._api.contact_conversations(contact_id):
            ours = conversation.get("inbox_id") == self._inbox_id
            if ours and handoff_id_of(conversation) == handoff_id:
                return conversation
        return None

    async def _post_transcript(self, conversation_id: int, notice: Notice) -> None:
        handoff_id = notice.handoff.handoff_id
        for number, line in enumerate(notice.transcript, start=1):
            body = line_body(line.direction, line.text, f"{handoff_id}:line:{number}")
            await self._api.post_message(conversation_id, body)
        summary = note_body(summary_note(notice), f"{handoff_id}:summary")
        await self._api.post_message(conversation_id, summary)

    async def _released(self, conversation_id: int, event: HandoffEvent) -> None:
        reason = event.data.get("reason")
        reason = reason if isinstance(reason, str) and reason else "não informado"
        if reason != RESOLVED_BY_CHATWOOT:  # resolve first: a retry then adds no second note
            await self._api.set_status(conversation_id, "resolved")
        await self._api.post_message(
            conversation_id, note_body(release_note(reason), event.event_id)
        )


def _conversation_id(remote: Any) -> int:
    value = remote.get("chatwoot_conversation_id") if isinstance(remote, dict) else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise NotifyUnavailable("chatwoot_no_conversation")
    return value
