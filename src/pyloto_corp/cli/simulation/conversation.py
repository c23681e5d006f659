"""Drive the service like WhatsApp does: signed webhooks in, the bot's replies read back.

Replies are read from the outbox (keyed by the message that caused them), so the same
code works in-process and against a running server that shares the storage.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from pyloto_corp.cli.simulation import payloads
from pyloto_corp.cli.simulation.clock import SimClock
from pyloto_corp.cli.simulation.harness import Harness
from pyloto_corp.domain.identity import user_key_for_phone

PACE = timedelta(seconds=20)  # a person's typing pace: never a flood by itself
WEBHOOK = "/webhooks/whatsapp"
NOW = timedelta()


class SimulationError(Exception):
    """A step that cannot be carried out (message in pt-BR)."""


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching option titles."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Outbound:
    to: str
    kind: str
    text: str
    options: tuple[dict[str, Any], ...] = ()
    session_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"to": self.to, "kind": self.kind, "text": self.text,
                "options": [dict(o) for o in self.options],
                "session_id": self.session_id}  # fmt: skip


def _option(raw: dict[str, Any]) -> dict[str, Any]:
    option = {"id": raw["id"], "title": raw["title"]}
    if raw.get("description"):
        option["description"] = raw["description"]
    return option


@dataclass(slots=True)
class Conversation:
    harness: Harness
    clock: SimClock
    phone_number_id: str
    outbound: list[Outbound] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    _menus: dict[str, Outbound] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _last: tuple[str, bytes, str] | None = None
    _run: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    _count: int = 0

    def user_key(self, phone: str) -> str:
        return user_key_for_phone(self.harness.pepper, phone)

    async def say(self, phone: str, text: str, late: timedelta = NOW) -> list[Outbound]:
        return await self._send(phone, "text", payloads.text_part(text), late)

    async def send_media(self, phone: str, kind: str, late: timedelta = NOW) -> list[Outbound]:
        media_id = f"sim-media-{self._run}-{self._count + 1}"
        return await self._send(phone, kind, payloads.media_part(kind, media_id), late)

    async def choose(self, phone: str, choice: str, late: timedelta = NOW) -> list[Outbound]:
        menu = self._menus.get(phone)
        if menu is None:
            raise SimulationError("nenhum botão ou lista foi enviado a este telefone ainda")
        wanted = fold(choice)
        option = next((o for o in menu.options if wanted in (fold(o["id"]), fold(o["title"]))),
                      None)  # fmt: skip
        if option is None:
            titles = ", ".join(o["title"] for o in menu.options)
            raise SimulationError(f"opção {choice!r} não existe; opções: {titles}")
        part = payloads.choice_part(option, from_list=menu.kind == "list")
        return await self._send(phone, "interactive", part, late)

    def option_by_number(self, phone: str, number: int) -> dict[str, Any] | None:
        menu = self._menus.get(phone)
        if menu is None or not 1 <= number <= len(menu.options):
            return None
        return menu.options[number - 1]

    async def advance(self, delta: timedelta) -> dict[str, Any] | None:
        """Move the clock, then close what went idle (None when the server's clock is remote)."""
        self.clock.advance(delta)
        if self.harness.sweep is None:
            return None
        return (await self.harness.sweep.run()).to_dict()

    async def redeliver(self) -> list[Outbound]:
        if self._last is None:
            raise SimulationError("nenhum webhook foi entregue ainda")
        phone, body, wamid = self._last
        await self._post(body)
        return await self._replies(phone, wamid)

    def inject_engine_error(self) -> None:
        if self.harness.engine is None:
            raise SimulationError("falhas só podem ser injetadas no modo local")
        self.harness.engine.armed = True

    async def _send(
        self, phone: str, kind: str, part: dict[str, Any], late: timedelta
    ) -> list[Outbound]:
        """``late``: Meta's timestamp lies that far behind the clock (a late redelivery)."""
        self.clock.advance(PACE)
        self._count += 1
        wamid = f"wamid.sim.{self._run}.{self._count}"
        stamp = int((self.clock() - late).timestamp())
        message = payloads.message(wamid, phone.lstrip("+"), stamp, kind, part)
        body = payloads.encode(payloads.envelope(self.phone_number_id, phone.lstrip("+"), message))
        if phone not in self.phones:
            self.phones.append(phone)
        await self._post(body)
        self._last = (phone, body, wamid)
        return await self._replies(phone, wamid)

    async def _post(self, body: bytes) -> None:
        headers = {"X-Hub-Signature-256": payloads.sign(body, self.harness.secret),
                   "Content-Type": "application/json"}  # fmt: skip
        try:
            response = await self.harness.client.post(WEBHOOK, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SimulationError(
                f"não consegui falar com o serviço ({type(exc).__name__})"
            ) from None
        if response.status_code != 200:
            raise SimulationError(f"o webhook respondeu {response.status_code}")

    async def _replies(self, phone: str, wamid: str) -> list[Outbound]:
        items = await self.harness.storage.outbox.list_for_user(self.user_key(phone))
        mine = sorted((i for i in items if i.inbound_message_id == wamid), key=lambda i: i.position)
        new = []
        for item in mine:
            if item.item_id in self._seen:
                continue
            self._seen.add(item.item_id)
            payload = item.payload
            reply = Outbound(phone, payload.get("kind", item.kind), payload.get("body") or "",
                             tuple(_option(o) for o in payload.get("options") or ()),
                             item.session_id)  # fmt: skip
            new.append(reply)
            if reply.options:
                self._menus[phone] = reply
        self.outbound.extend(new)
        return new
