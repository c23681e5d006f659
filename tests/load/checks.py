"""What a load run must leave behind, read from the store and the fake Meta afterwards."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from pyloto_corp.application.inbound.process_inbound_message import user_key_of
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import decisions_in, verify_chain
from pyloto_corp.domain.conversation import Direction
from pyloto_corp.domain.messages import SenderIdKind, SenderRef
from pyloto_corp.domain.records import OutboxStatus
from tests.load.topology import UNCERTAIN_WAIT
from tests.load.traffic import Traffic

# Meta logs a send a moment after the service records ``sending`` (the wait's start).
WAIT_TOLERANCE_SECONDS = 1.0


@dataclass
class Findings:
    """Counts, and every broken promise by name (an empty ``problems`` is a green run)."""

    inbound_sent: int = 0
    inbound_stored: int = 0
    sessions: int = 0
    sessions_closed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    outbox_items: int = 0
    outbox_sent: int = 0
    outbox_failed: int = 0
    outbox_pending: int = 0
    graph_sends: int = 0
    graph_doubled: int = 0
    graph_doubled_within_wait: int = 0  # resent before the uncertain wait was over: never
    graph_faults: dict[str, int] = field(default_factory=dict)
    chains: int = 0
    chains_valid: int = 0
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        if len(self.problems) < 20:
            self.problems.append(text)


async def check(
    storage: Storage, traffic: Traffic, pepper: bytes, graph: dict, *, silent: bool = False
) -> Findings:
    """``silent``: Meta sent no status, so a resend after the uncertain wait is expected."""
    found = Findings(inbound_sent=len(traffic.sent), graph_sends=graph.get("sends", 0))
    by_person: dict[str, set[str]] = {}
    for wamid, sender in traffic.sent.items():
        by_person.setdefault(sender, set()).add(wamid)
    sent_references = graph.get("per_reference", {})
    for sender, wamids in sorted(by_person.items()):
        user_key = user_key_of(pepper, SenderRef(SenderIdKind.WA_ID, sender))
        await _messages(storage, user_key, wamids, found)
        await _sessions(storage, user_key, found)
        await _outbox(storage, user_key, sent_references, found, silent=silent)
    doubled = graph.get("doubled", {})
    found.graph_doubled = len(doubled)
    found.graph_doubled_within_wait = sum(map(_within_wait, doubled.values()))
    found.graph_faults = {k: v for k, v in graph.items() if k.startswith(("answered_", "statuses"))}
    early = found.graph_doubled_within_wait
    if early or (found.graph_doubled and not silent):
        found.problem(
            f"{found.graph_doubled} outbox item(s) sent twice to Meta ({early} within the "
            f"uncertain wait), at (epoch s) {list(doubled.values())[:3]}"
        )
    return found


def _within_wait(times: list[float]) -> bool:
    """A send repeated sooner than the uncertain wait after the previous one."""
    limit = UNCERTAIN_WAIT - WAIT_TOLERANCE_SECONDS
    return any(later - earlier < limit for earlier, later in pairwise(times))


async def _messages(storage: Storage, user_key: str, wamids: set[str], found: Findings) -> None:
    stored = [m for m in await storage.conversations.list_messages(user_key)
              if m.direction is Direction.IN]  # fmt: skip
    ids = [m.provider_message_id for m in stored]
    found.inbound_stored += len(ids)
    if len(ids) != len(set(ids)) or set(ids) != wamids:
        missing, extra = wamids - set(ids), set(ids) - wamids
        found.problem(f"{user_key[:8]}: inbound missing {len(missing)}, unexpected {len(extra)}")


async def _sessions(storage: Storage, user_key: str, found: Findings) -> None:
    sessions = await storage.sessions.list_for_user(user_key)
    events = await storage.audit.list_events(user_key)
    found.chains += 1
    verification = verify_chain(events, await storage.audit.head(user_key))  # settled: no appends
    found.chains_valid += verification.valid
    if not verification.valid:
        found.problem(f"{user_key[:8]}: audit chain broken at {verification.broken_event_id}")
    closings = Counter(
        d["context"].get("conversation_id")
        for d in decisions_in(events)
        if "outcome" in d["proposal"]["parameters"]
    )
    for session in sessions:
        found.sessions += 1
        if session.is_open:
            found.problem(f"{user_key[:8]}: session {session.session_id} still open")
            continue
        found.sessions_closed += 1
        found.outcomes[session.outcome or "?"] += 1
        expected = 0 if session.outcome == "FAILED_INTERNAL" else 1
        if closings[session.session_id] != expected:
            found.problem(f"{user_key[:8]}: session closed {closings[session.session_id]} times")


async def _outbox(
    storage: Storage, user_key: str, references: dict, found: Findings, *, silent: bool
) -> None:
    for item in await storage.outbox.list_for_user(user_key):
        found.outbox_items += 1
        reference = f"pyloto1|{user_key}|{item.item_id}"
        if item.status is OutboxStatus.PENDING:
            found.outbox_pending += 1
            found.problem(f"{user_key[:8]}: {item.item_id} still pending (lost?)")
        elif item.status is OutboxStatus.FAILED:  # every fault of a run is transient
            found.outbox_failed += 1
            found.problem(f"{user_key[:8]}: {item.item_id} failed (code {item.error_code})")
        else:
            found.outbox_sent += 1
            times = references.get(reference, 0)
            if references and (times == 0 or (times > 1 and not silent)):
                found.problem(f"{item.item_id}: marked sent, Meta got it "
                              f"{references.get(reference, 0)} time(s)")  # fmt: skip
