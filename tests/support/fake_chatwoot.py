"""A small fake of Chatwoot's Application API on a loopback port: keeps state, plays a script.

It serves what ``ChatwootNotifier`` uses, under ``/api/v1/accounts/{ACCOUNT_ID}``, with the
shapes of Chatwoot's jbuilder views: contacts (search, create, contact inboxes, their
conversations), conversations (create, labels, messages, toggle_status). Every request needs
the ``api_access_token`` header (401 otherwise). ``then(Forced(...))`` scripts the next
request (or the next one matching ``on``, e.g. ``"POST /conversations"``): a forced answer
(bytes are sent as they are) after ``delay`` seconds, given without acting, or after acting
with ``apply=True`` (Chatwoot did it, the answer was lost). ``message_webhook`` and
``status_webhook`` build the payloads Chatwoot would send for the stored state
(``Message#webhook_data``, ``Conversation#webhook_data``).
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

ACCOUNT_ID, INBOX_ID, TOKEN = 7, 3, "cw-secret-token"
API_USER = {"id": 1, "name": "Integração Pyloto", "email": "bot@pyloto.example", "type": "user"}
AGENT = {"id": 2, "name": "Ana", "email": "ana@pyloto.example", "type": "user"}
PHONE = re.compile(r"^\+[1-9]\d{1,14}$")
LABEL = re.compile(r"^[\w-]+$")
STATUSES = ("open", "resolved", "pending", "snoozed")


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, str]
    token: str | None
    body: dict[str, Any]


@dataclass(frozen=True)
class Forced:
    status: int
    body: Any = None
    delay: float = 0.0
    on: str | None = None  # "METHOD /path" prefix, relative to the account
    apply: bool = False


def error(message: str) -> dict[str, Any]:
    return {"message": message, "attributes": []}


class FakeChatwoot:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.script: deque[Forced] = deque()
        self.contacts: dict[int, dict[str, Any]] = {}
        self.conversations: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(100)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._routes = [
            ("GET", re.compile(r"/contacts/search"), self._search),
            ("POST", re.compile(r"/contacts"), self._create_contact),
            ("POST", re.compile(r"/contacts/(\d+)/contact_inboxes"), self._contact_inbox),
            ("GET", re.compile(r"/contacts/(\d+)/conversations"), self._contact_conversations),
            ("POST", re.compile(r"/conversations"), self._create_conversation),
            ("POST", re.compile(r"/conversations/(\d+)/labels"), self._labels),
            ("POST", re.compile(r"/conversations/(\d+)/messages"), self._message),
            ("POST", re.compile(r"/conversations/(\d+)/toggle_status"), self._toggle_status),
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeChatwoot:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.script.clear()
            self.contacts.clear()
            self.conversations.clear()

    def then(self, *forced: Forced) -> FakeChatwoot:
        self.script.extend(forced)
        return self

    def add_contact(
        self,
        name: str,
        phone: str | None,
        identifier: str | None = None,
        inbox_id: int | None = None,
    ) -> dict[str, Any]:
        """A contact already in Chatwoot (made by an agent, another channel...)."""
        with self._lock:
            return self._new_contact(name, phone, identifier, inbox_id, {})

    def calls(self, method: str, suffix: str) -> list[Seen]:
        return [s for s in self.requests if s.method == method and s.path.endswith(suffix)]

    # --- webhooks Chatwoot would send ----------------------------------------------------

    def agent_reply(self, conversation_id: int, content: str, private: bool = False) -> dict:
        """An agent answers in Chatwoot's UI; the message_created payload that follows."""
        with self._lock:
            conversation = self.conversations[conversation_id]
            message = self._add_message(
                conversation,
                content=content,
                kind="outgoing",
                private=private,
                attributes={},
                source=None,
                sender=AGENT,
            )
        return self.message_webhook(conversation_id, message["id"])

    def message_webhook(self, conversation_id: int, message_id: int) -> dict[str, Any]:
        conversation = self.conversations[conversation_id]
        message = next(m for m in conversation["messages"] if m["id"] == message_id)
        fields = ("id", "content", "message_type", "private", "content_attributes", "source_id")
        return {
            "event": "message_created",
            **{k: message[k] for k in fields},
            "created_at": "2026-03-03T13:05:57.000Z",
            "content_type": "text",
            "sender": message["sender"],
            "inbox": {"id": INBOX_ID, "name": "Pyloto"},
            "conversation": self._push_data(conversation),
            "account": {"id": ACCOUNT_ID, "name": "Pyloto"},
        }

    def status_webhook(self, conversation_id: int, status: str = "resolved") -> dict[str, Any]:
        """The team changes the status in Chatwoot's UI: conversation_status_changed."""
        conversation = self.conversations[conversation_id]
        conversation["status"] = status
        return {
            **self._push_data(conversation),
            "event": "conversation_status_changed",
            "changed_attributes": [{"status": {"current_value": status}}],
        }

    # --- state and views ------------------------------------------------------------------

    def _new_contact(self, name, phone, identifier, inbox_id, extra) -> dict[str, Any]:
        contact = {
            "id": next(self._ids),
            "name": name,
            "email": None,
            "phone_number": phone,
            "identifier": identifier,
            "additional_attributes": extra,
            "custom_attributes": {},
            "inboxes": [],
        }
        if inbox_id is not None:
            contact["inboxes"].append((inbox_id, f"src-{contact['id']}-{inbox_id}"))
        self.contacts[contact["id"]] = contact
        return contact

    def _contact_view(self, contact: dict[str, Any], inboxes: bool = True) -> dict[str, Any]:
        view = {k: v for k, v in contact.items() if k != "inboxes"}
        if inboxes:
            view["contact_inboxes"] = [
                {
                    "source_id": source,
                    "inbox": {"id": inbox, "name": "Pyloto", "channel_type": "Channel::Api"},
                }
                for inbox, source in contact["inboxes"]
            ]
        return view

    def _conversation_view(self, conversation: dict[str, Any]) -> dict[str, Any]:
        last = conversation["messages"][-1:]
        return {
            **self._push_data(conversation),
            "account_id": ACCOUNT_ID,
            "messages": [self._message_view(m) for m in last],
        }

    def _push_data(self, conversation: dict[str, Any]) -> dict[str, Any]:
        contact = self.contacts[conversation["contact_id"]]
        keys = ("id", "inbox_id", "status", "labels", "custom_attributes", "additional_attributes")
        return {
            **{k: conversation[k] for k in keys},
            "channel": "Channel::Api",
            "meta": {"sender": {**self._contact_view(contact, False), "type": "contact"}},
            "messages": [],
            "can_reply": True,
        }

    def _message_view(self, message: dict[str, Any]) -> dict[str, Any]:
        return {
            **message,
            "message_type": 1 if message["message_type"] == "outgoing" else 0,
            "content_type": "text",
            "inbox_id": INBOX_ID,
            "created_at": 1772543157,
        }

    def _add_message(self, conversation, *, content, kind, private, attributes, source, sender):
        message = {
            "id": next(self._ids),
            "content": content,
            "message_type": kind,
            "private": private,
            "content_attributes": attributes,
            "source_id": source,
            "sender": sender,
            "conversation_id": conversation["id"],
        }
        conversation["messages"].append(message)
        return message

    # --- routes -----------------------------------------------------------------------------

    def _search(self, seen: Seen) -> tuple[int, Any]:
        q = seen.query.get("q", "").lower()
        found = [
            self._contact_view(c)
            for c in self.contacts.values()
            if q
            and any(
                q in str(c[k] or "").lower()
                for k in ("name", "email", "phone_number", "identifier")
            )
        ]
        return 200, {"meta": {"count": len(found), "current_page": 1}, "payload": found}

    def _create_contact(self, seen: Seen) -> tuple[int, Any]:
        body = seen.body
        phone, identifier = body.get("phone_number"), body.get("identifier")
        if phone is not None and not PHONE.match(str(phone)):
            return 422, error("Phone number should be in e164 format")
        for key, value in (("phone_number", phone), ("identifier", identifier)):
            if value and any(c[key] == value for c in self.contacts.values()):
                return 422, error(f"{key} has already been taken")
        contact = self._new_contact(
            body.get("name"),
            phone,
            identifier,
            body.get("inbox_id"),
            body.get("additional_attributes") or {},
        )
        source = contact["inboxes"][0][1] if contact["inboxes"] else None
        return 200, {
            "payload": {
                "contact": self._contact_view(contact),
                "contact_inbox": {"inbox": {"id": body.get("inbox_id")}, "source_id": source},
            }
        }

    def _contact_inbox(self, seen: Seen, contact_id: str) -> tuple[int, Any]:
        contact = self.contacts.get(int(contact_id))
        if contact is None:
            return 404, error("Resource could not be found")
        if not isinstance(seen.body.get("inbox_id"), int):
            return 422, error("Inbox is required")
        source = f"src-{contact['id']}-{seen.body['inbox_id']}-{len(contact['inboxes'])}"
        contact["inboxes"].append((seen.body["inbox_id"], source))
        return 200, {"source_id": source, "inbox": {"id": seen.body["inbox_id"]}}

    def _contact_conversations(self, seen: Seen, contact_id: str) -> tuple[int, Any]:
        if int(contact_id) not in self.contacts:
            return 404, error("Resource could not be found")
        mine = [c for c in self.conversations.values() if c["contact_id"] == int(contact_id)]
        return 200, {"payload": [self._conversation_view(c) for c in reversed(mine)]}

    def _create_conversation(self, seen: Seen) -> tuple[int, Any]:
        body = seen.body
        contact = self.contacts.get(body.get("contact_id"))
        links = contact["inboxes"] if contact else []
        if (body.get("inbox_id"), body.get("source_id")) not in links:
            return 422, error("Source id is not valid for this contact and inbox")
        conversation = {
            "id": next(self._ids),
            "contact_id": contact["id"],
            "messages": [],
            "inbox_id": body["inbox_id"],
            "source_id": body["source_id"],
            "status": body.get("status", "open"),
            "labels": [],
            "custom_attributes": body.get("custom_attributes") or {},
            "additional_attributes": body.get("additional_attributes") or {},
        }
        self.conversations[conversation["id"]] = conversation
        return 200, self._conversation_view(conversation)

    def _labels(self, seen: Seen, conversation_id: str) -> tuple[int, Any]:
        conversation = self.conversations.get(int(conversation_id))
        labels = seen.body.get("labels")
        if conversation is None:
            return 404, error("Resource could not be found")
        if not isinstance(labels, list) or not all(LABEL.match(str(x)) for x in labels):
            return 422, error("Labels are not valid")
        conversation["labels"] = [str(x).lower() for x in labels]
        return 200, {"payload": conversation["labels"]}

    def _message(self, seen: Seen, conversation_id: str) -> tuple[int, Any]:
        conversation, body = self.conversations.get(int(conversation_id)), seen.body
        if conversation is None:
            return 404, error("Resource could not be found")
        kind = body.get("message_type", "outgoing")
        if kind not in ("incoming", "outgoing") or not body.get("content"):
            return 422, error("Message is not valid")
        sender = (
            API_USER
            if kind == "outgoing"
            else {"id": conversation["contact_id"], "name": "contato", "type": "contact"}
        )
        message = self._add_message(
            conversation,
            content=body["content"],
            kind=kind,
            private=bool(body.get("private")),
            attributes=body.get("content_attributes") or {},
            source=body.get("source_id"),
            sender=sender,
        )
        return 200, self._message_view(message)

    def _toggle_status(self, seen: Seen, conversation_id: str) -> tuple[int, Any]:
        conversation = self.conversations.get(int(conversation_id))
        if conversation is None:
            return 404, error("Resource could not be found")
        if seen.body.get("status") not in STATUSES:
            return 422, error("Status is not valid")
        conversation["status"] = seen.body["status"]
        return 200, {
            "meta": {},
            "payload": {
                "success": True,
                "conversation_id": conversation["id"],
                "current_status": conversation["status"],
            },
        }

    # --- HTTP -------------------------------------------------------------------------------

    def _route(self, seen: Seen) -> tuple[int, Any]:
        prefix = f"/api/v1/accounts/{ACCOUNT_ID}"
        path = seen.path.removeprefix(prefix) if seen.path.startswith(prefix + "/") else None
        for method, pattern, action in self._routes:
            found = pattern.fullmatch(path or "")
            if method == seen.method and found:
                return action(seen, *found.groups())
        return 404, error("Resource could not be found")

    def _answer(self, seen: Seen) -> tuple[int, Any, float]:
        with self._lock:
            self.requests.append(seen)
            where = f"{seen.method} {seen.path.removeprefix(f'/api/v1/accounts/{ACCOUNT_ID}')}"
            forced = next((f for f in self.script if not f.on or where.startswith(f.on)), None)
            if forced is not None:
                self.script.remove(forced)
            if seen.token != TOKEN:
                return 401, {"error": "You need to sign in or sign up before continuing."}, 0.0
            if forced is not None and not forced.apply:
                return forced.status, forced.body or {}, forced.delay
            status, body = self._route(seen)
            if forced is not None:
                return forced.status, body if forced.body is None else forced.body, forced.delay
            return status, body, 0.0

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    dict(parse_qsl(parts.query)),
                    self.headers.get("api_access_token"),
                    json.loads(raw or b"{}"),
                )
                status, answer, delay = fake._answer(seen)
                time.sleep(delay)
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up (a timeout test)

            do_GET = do_POST = _serve

            def log_message(self, *args: object) -> None:
                return None

        return Handler
