"""Pydantic models of the webhook payload. Unknown fields are ignored, wrong types rejected."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_ID = Field(min_length=1, max_length=512)
_TS = Field(pattern=r"^\d{1,11}$")


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class ErrorIn(_In):
    code: int | None = None
    title: str | None = Field(default=None, max_length=512)


class MetadataIn(_In):
    phone_number_id: str = _ID
    display_phone_number: str | None = None


class ProfileIn(_In):
    name: str | None = None
    username: str | None = None


class ContactIn(_In):
    wa_id: str | None = None
    user_id: str | None = None
    profile: ProfileIn | None = None


class ChangeValueIn(_In):
    """The ``value`` of a ``messages`` change; messages and statuses are parsed one by one."""

    messaging_product: str | None = None
    metadata: MetadataIn
    contacts: list[ContactIn] = Field(default_factory=list)
    messages: list[dict[str, Any]] = Field(default_factory=list)
    statuses: list[dict[str, Any]] = Field(default_factory=list)
    errors: list[ErrorIn] = Field(default_factory=list)


class ChangeIn(_In):
    field: str = Field(min_length=1, max_length=128)
    value: dict[str, Any]


class EntryIn(_In):
    id: str = _ID
    changes: list[ChangeIn] = Field(default_factory=list)


class EnvelopeIn(_In):
    object: str
    entry: list[EntryIn]


class MessageHeaderIn(_In):
    """What a message needs to be usable at all: its id, its sender and its time."""

    id: str = _ID
    from_: str | None = Field(default=None, alias="from", max_length=128)
    from_user_id: str | None = Field(default=None, max_length=128)
    timestamp: str = _TS
    type: str = Field(default="unsupported", max_length=64)


class StatusIn(_In):
    id: str = _ID
    status: str = Field(max_length=32)
    timestamp: str = _TS
    recipient_id: str | None = Field(default=None, max_length=128)
    recipient_user_id: str | None = Field(default=None, max_length=128)
    errors: list[ErrorIn] = Field(default_factory=list)
    biz_opaque_callback_data: str | None = Field(default=None, max_length=512)
