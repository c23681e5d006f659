"""Why a send failed, as types the delivery use case acts on (adapters map Meta's codes here).

``retry`` says what to do: ``never`` (mark failed), ``later`` (bounded jittered backoff),
``number`` (the whole number is over its throughput: slow everyone down), ``recipient``
(too many messages to this person: back off for this person only) or ``uncertain`` (Meta
may have sent it: wait for its status webhook before sending again).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pyloto_corp.domain.outbound import INVALID_RECIPIENT, NO_RECIPIENT, Recipient

Retry = Literal["never", "later", "number", "recipient", "uncertain"]


class SendError(Exception):
    retry: ClassVar[Retry] = "never"
    alert: ClassVar[bool] = False
    reason: ClassVar[str | None] = None  # a code stored with a failed item (no Meta code)

    def __init__(self, code: int | None = None, detail: str = "") -> None:
        super().__init__(f"{type(self).__name__} (code {code}) {detail}".strip())
        self.code = code


class WindowClosed(SendError):
    """131047: more than 24 h since the person's last message; only templates may be sent."""


class Undeliverable(SendError):
    """131026: the number cannot receive this message (not on WhatsApp, old app, blocked)."""


class ThroughputLimited(SendError):
    """130429 / 4 / 80007: the number or app is over its rate; back off and retry."""

    retry = "number"


class PairRateLimited(SendError):
    """131056: too many messages to the same person in a short time; back off for them."""

    retry = "recipient"


class TokenExpired(SendError):
    """190: the access token is invalid or expired; nothing will work until it is replaced."""

    alert = True


class SpamLimited(SendError):
    """131048: Meta limited the number for quality (spam rate limit)."""

    alert = True


class MarketingLimited(SendError):
    """131049: Meta chose not to deliver (per-user marketing limit)."""


class Transient(SendError):
    """5xx, timeouts, connection errors, Meta's temporary codes: retry with backoff."""

    retry = "later"


class Uncertain(SendError):
    """The request reached Meta but no answer came back (read timeout, dropped connection).

    Meta may have sent the message: resending now could send it twice. The item waits;
    Meta's status webhook (which carries the item's callback data) settles it as sent,
    and only if none comes is it sent again.
    """

    retry = "uncertain"


class Rejected(SendError):
    """Any other 4xx: the request itself is wrong; retrying cannot help."""

    alert = True


class InvalidPayload(Rejected):
    """Refused locally: the payload breaks a Meta limit, so it is never sent."""


class NoRecipient(SendError):
    """Neither a phone nor a business-scoped id is known for the person."""

    reason = NO_RECIPIENT


class InvalidRecipient(SendError):
    """The person's wa_id is not a phone number (E.164 without "+"): never sent to Meta."""

    reason = INVALID_RECIPIENT


def recipient_error(recipient: Recipient) -> SendError | None:
    """The error known before any call to Meta, when nobody valid can be addressed."""
    problem = recipient.problem()
    if problem is None:
        return None
    return InvalidRecipient() if problem == INVALID_RECIPIENT else NoRecipient()
