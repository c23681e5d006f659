"""Per-type parts of an inbound message, as Meta sends them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pyloto_corp.api.whatsapp.models import ErrorIn


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class TextIn(_In):
    body: str


class ReplyIn(_In):
    id: str
    title: str | None = None
    description: str | None = None


class FlowReplyIn(_In):
    name: str | None = None
    body: str | None = None
    response_json: str | None = None


class InteractiveIn(_In):
    type: str
    button_reply: ReplyIn | None = None
    list_reply: ReplyIn | None = None
    nfm_reply: FlowReplyIn | None = None


class ButtonIn(_In):
    payload: str | None = None
    text: str | None = None


class MediaIn(_In):
    id: str = Field(min_length=1, max_length=512)
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None


class LocationIn(_In):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


class ReactionIn(_In):
    message_id: str
    emoji: str | None = None


class OrderIn(_In):
    product_items: list[dict[str, Any]] = Field(default_factory=list)


class SystemIn(_In):
    type: str | None = None


class ContextIn(_In):
    id: str | None = None


class ReferralIn(_In):
    source_type: str | None = None


class MessageIn(_In):
    type: str
    text: TextIn | None = None
    interactive: InteractiveIn | None = None
    button: ButtonIn | None = None
    image: MediaIn | None = None
    audio: MediaIn | None = None
    video: MediaIn | None = None
    document: MediaIn | None = None
    sticker: MediaIn | None = None
    location: LocationIn | None = None
    contacts: list[dict[str, Any]] | None = None
    reaction: ReactionIn | None = None
    order: OrderIn | None = None
    system: SystemIn | None = None
    context: ContextIn | None = None
    referral: ReferralIn | None = None
    errors: list[ErrorIn] = Field(default_factory=list)
