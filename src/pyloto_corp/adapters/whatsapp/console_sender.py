"""The embedded sender: records what would be sent and, in development, prints it.

``make run`` works with no Meta account: the bot's replies appear in the terminal. The
payload is checked against Meta's limits exactly as the real sender does.

The echo is the conversation transcript, not a log: it goes to stderr (the logs go to
stdout), every line starting with ``[conversa]``, so it never mixes with the JSON log stream.
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any, TextIO

from pyloto_corp.application.replies.send_errors import InvalidPayload
from pyloto_corp.domain.outbound import Recipient, problems

TRANSCRIPT_PREFIX = "[conversa] "


@dataclass(frozen=True, slots=True)
class ConsoleRecord:
    recipient: Recipient
    reply: dict[str, Any]
    provider_message_id: str


class ConsoleSender:
    # What it "sends" lives in this process (and its terminal): a crash loses it with the
    # process, so delivery skips the durable "sending" mark before each send (issue 24).
    local = True

    def __init__(
        self, *, echo: bool = False, stream: TextIO | None = None, keep: int | None = None
    ) -> None:
        """``keep``: how many records to hold (a long-running server keeps the last ones)."""
        self.sent: deque[ConsoleRecord] = deque(maxlen=keep)
        self.read: deque[str] = deque(maxlen=keep)
        self._echo, self._stream = echo, stream
        self._ids = itertools.count(1)

    async def send(
        self, recipient: Recipient, reply: dict[str, Any], reference: str | None = None,
        budget: float | None = None,
    ) -> str | None:  # fmt: skip
        wrong = problems(reply)
        if wrong:
            raise InvalidPayload(None, "; ".join(wrong))
        wamid = f"wamid.console.{next(self._ids)}"
        self.sent.append(ConsoleRecord(recipient, reply, wamid))
        if self._echo:
            print(transcript(reply), file=self._stream or sys.stderr, flush=True)
        return wamid

    async def mark_read(self, message_id: str, *, typing: bool = True) -> None:
        self.read.append(message_id)

    async def aclose(self) -> None:
        return None


def render(reply: dict[str, Any]) -> str:
    """The reply as a person would see it, options numbered."""
    lines = [f"🤖 {reply['body']}"]
    for number, option in enumerate(reply.get("options") or [], start=1):
        extra = f" — {option['description']}" if option.get("description") else ""
        lines.append(f"   {number}. {option['title']}{extra}")
    return "\n".join(lines)


def transcript(reply: dict[str, Any]) -> str:
    """``render`` with every line labelled, as the development echo shows it."""
    return "\n".join(TRANSCRIPT_PREFIX + line for line in render(reply).splitlines())
