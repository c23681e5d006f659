"""What WhatsApp accepts, as pure rules: fit any reply into messages Meta will not reject.

A reply is ``{"kind": "text"|"buttons"|"list", "body", "options": [{"id", "title",
"description"}], "list_button"}``. ``fit`` turns it into one or more replies that each
respect Meta's limits: long text is split in order, more than 3 buttons or long button
titles become a list, long list rows are shortened, long interactive bodies are sent as
text first. ``problems`` names what is still wrong (the sender refuses such a payload).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

TEXT_MAX = 4096
INTERACTIVE_BODY_MAX = 1024
FOOTER_MAX = 60
BUTTONS_MAX, BUTTON_TITLE_MAX = 3, 20
ROWS_MAX, ROW_TITLE_MAX, ROW_DESCRIPTION_MAX = 10, 24, 72
LIST_BUTTON_MAX = 20
ID_MAX = 256
DEFAULT_LIST_BUTTON = "Ver opções"
ELLIPSIS = "…"
# Meta's wa_id: the E.164 number without "+" (8 to 15 digits, no leading zero).
WA_ID = re.compile(r"^[1-9][0-9]{7,14}\Z")
INVALID_RECIPIENT, NO_RECIPIENT = "invalid_recipient", "no_recipient"


@dataclass(frozen=True, slots=True)
class Recipient:
    """Whom to send to: the phone (E.164) when known, else the business-scoped user id.

    ``invalid``: the person wrote from a wa_id that is no phone number; nothing can reach them.
    """

    phone: str | None = None
    user_id: str | None = None
    invalid: bool = False

    def problem(self) -> str | None:
        """Why no message can be addressed to this recipient (None: it can)."""
        if self.invalid or (self.phone and not WA_ID.match(self.phone.removeprefix("+"))):
            return INVALID_RECIPIENT
        return None if self.phone or self.user_id else NO_RECIPIENT

    def address(self) -> dict[str, str]:
        if self.problem() == INVALID_RECIPIENT:
            raise ValueError("the recipient's phone is not a WhatsApp id (E.164 without +)")
        if self.phone:
            return {"to": self.phone.lstrip("+")}
        if self.user_id:
            return {"recipient": self.user_id}
        raise ValueError("a recipient needs a phone or a business-scoped user id")


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def split_text(text: str, limit: int = TEXT_MAX) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at a paragraph, line or word when possible."""
    pieces, rest = [], text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces


def _text(body: str) -> dict[str, Any]:
    return {"kind": "text", "body": body, "options": [], "list_button": None}


def _as_list(reply: dict[str, Any]) -> dict[str, Any]:
    rows = [
        {
            "id": str(o["id"])[:ID_MAX],
            "title": shorten(o["title"], ROW_TITLE_MAX),
            "description": shorten(o["description"], ROW_DESCRIPTION_MAX)
            if o.get("description")
            else None,
        }
        for o in reply["options"][:ROWS_MAX]
    ]
    button = shorten(reply.get("list_button") or DEFAULT_LIST_BUTTON, LIST_BUTTON_MAX)
    return {"kind": "list", "body": reply["body"], "options": rows, "list_button": button}


def _buttons_fit(options: list[dict[str, Any]]) -> bool:
    titles = [o["title"] for o in options]
    return (
        1 <= len(options) <= BUTTONS_MAX
        and all(0 < len(t) <= BUTTON_TITLE_MAX for t in titles)
        and len(set(titles)) == len(titles)
    )


def fit(reply: dict[str, Any]) -> list[dict[str, Any]]:
    """The reply as messages Meta accepts, in the order they must be sent."""
    if not reply.get("options"):
        return [_text(piece) for piece in split_text(reply.get("body") or "")]
    if reply["kind"] == "buttons" and _buttons_fit(reply["options"]):
        fitted = {**reply, "options": [dict(o) for o in reply["options"]]}
    else:
        fitted = _as_list(reply)
    pieces = split_text(fitted["body"], INTERACTIVE_BODY_MAX)
    head = [_text(piece) for piece in split_text("\n\n".join(pieces[:-1]))] if pieces else []
    return [*head, {**fitted, "body": pieces[-1] if pieces else ""}]


def problems(reply: dict[str, Any]) -> list[str]:
    """Every Meta limit the reply breaks (empty when it is safe to send)."""
    body, options, kind = reply.get("body") or "", reply.get("options") or [], reply.get("kind")
    found = [] if body.strip() else ["empty body"]
    if kind == "text":
        return found + (["text over 4096"] if len(body) > TEXT_MAX else [])
    if len(body) > INTERACTIVE_BODY_MAX:
        found.append("interactive body over 1024")
    if kind == "buttons" and not _buttons_fit(options):
        found.append("buttons: 1-3 unique titles of at most 20")
    if kind == "list":
        found += _list_problems(options, reply.get("list_button") or "")
    if kind not in ("text", "buttons", "list"):
        found.append(f"unknown kind {kind!r}")
    return found


def _list_problems(rows: list[dict[str, Any]], button: str) -> list[str]:
    found = [] if 1 <= len(rows) <= ROWS_MAX else ["list: 1-10 rows"]
    if not 0 < len(button) <= LIST_BUTTON_MAX:
        found.append("list button over 20")
    if any(not 0 < len(r["title"]) <= ROW_TITLE_MAX for r in rows):
        found.append("row title over 24")
    if any(len(r.get("description") or "") > ROW_DESCRIPTION_MAX for r in rows):
        found.append("row description over 72")
    if len({r["id"] for r in rows}) != len(rows):
        found.append("duplicate row ids")
    return found
