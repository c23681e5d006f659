"""Who sent a message: ``wa_id`` (phone) when Meta shares it, else the business-scoped id."""

from __future__ import annotations

import re

from pyloto_corp.api.whatsapp.models import ContactIn
from pyloto_corp.domain.messages import SenderIdKind, SenderRef

_WA_ID = re.compile(r"^\d{6,20}\Z")
_BSUID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,127}\Z")


def _matching_contact(
    wa_id: str | None, user_id: str | None, contacts: list[ContactIn]
) -> ContactIn | None:
    for contact in contacts:
        if (wa_id and contact.wa_id == wa_id) or (user_id and contact.user_id == user_id):
            return contact
    return contacts[0] if len(contacts) == 1 else None


def resolve_sender(
    from_: str | None, from_user_id: str | None, contacts: list[ContactIn]
) -> SenderRef | None:
    """The sender reference, or None when the payload names nobody usable."""
    contact = _matching_contact(from_, from_user_id, contacts)
    name = contact.profile.name if contact and contact.profile else None
    wa_id = from_ if from_ and _WA_ID.match(from_) else None
    if wa_id is None and contact and contact.wa_id and _WA_ID.match(contact.wa_id):
        wa_id = contact.wa_id
    if wa_id:
        return SenderRef(SenderIdKind.WA_ID, wa_id, profile_name=name)
    candidates = (from_user_id, contact.user_id if contact else None, from_)
    user_id = next((c for c in candidates if c and _BSUID.match(c)), None)
    if user_id:
        return SenderRef(SenderIdKind.USER_ID, user_id, profile_name=name)
    return None


def resolve_recipient(recipient_id: str | None, recipient_user_id: str | None) -> SenderRef | None:
    if recipient_id and _WA_ID.match(recipient_id):
        return SenderRef(SenderIdKind.WA_ID, recipient_id)
    if recipient_user_id and _BSUID.match(recipient_user_id):
        return SenderRef(SenderIdKind.USER_ID, recipient_user_id)
    return None
