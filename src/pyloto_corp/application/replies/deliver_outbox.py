"""DeliverOutbox: send what the engine wrote to the outbox, once, in order, within Meta's limits.

Each item is sent only under a lease, so a concurrent or retried delivery never sends
it twice: replies are created already leased to the process that wrote them (it sends
them at once, with no read), and anything left over is claimed again by the retry loop.
Before calling Meta the holder records ``sending`` (``sending_at``); it is marked sent with
Meta's id (and joins the history, direction=out), failed with Meta's code, or released with
a backoff. One person's items go out in order: delivery stops at the first item that must
wait. Every send carries the item's reference, which Meta returns in status webhooks.

An attempt whose answer is unknown (a read timeout, or a lease that ran out while
``sending``: the process died) is uncertain: the item waits ``uncertain_wait`` from
``sending_at`` for its status, which marks it sent; only without one is it sent again.
A lease that ran out before ``sending`` never reached Meta: it is sent at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import structlog

from pyloto_corp.application.ports import MessageSender, Throttle
from pyloto_corp.application.replies import delivery_rules as rules
from pyloto_corp.application.replies import send_errors as e
from pyloto_corp.application.replies.attempt_outcome import fail_or_release
from pyloto_corp.application.replies.delivery_rules import DeliveryLimits, DeliveryReport
from pyloto_corp.application.replies.send_rate import SendRate
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import OutboxItem, OutboxStatus

log = structlog.get_logger(__name__)
WINDOW_CLOSED = rules.WINDOW_CLOSED


class DeliverOutbox:
    def __init__(
        self, storage: Storage, sender: MessageSender, throttle: Throttle, *,
        clock: Callable[[], datetime], new_token: Callable[[], str], limits: DeliveryLimits,
    ) -> None:  # fmt: skip
        self._storage, self._sender, self._throttle = storage, sender, throttle
        self._clock, self._new_token, self._limits = clock, new_token, limits
        self._rate = SendRate(throttle, limits)
        self.deferred = rules.DeferredWork(clock)  # wakes the retry loop

    async def aclose(self) -> None:
        await self._sender.aclose()
        closer = getattr(self._throttle, "aclose", None)
        if closer is not None:
            await closer()

    async def acknowledge(self, message_id: str) -> None:
        """Blue ticks and "digitando…" while the answer is prepared; best effort."""
        try:
            await self._sender.mark_read(message_id, typing=True)
        except e.SendError as exc:
            log.warning("outbox.mark_read_failed", provider_message_id=message_id,
                        error=type(exc).__name__)  # fmt: skip

    async def deliver_leased(
        self, items: Sequence[OutboxItem], token: str, recipient: Recipient
    ) -> DeliveryReport:
        """Items this process just created under ``token``, to the person who just wrote.

        Never waits on the send rate: what does not fit now is left to the retry loop,
        woken for when it fits, so the webhook answers at once.
        """
        report, sent = DeliveryReport(), []
        try:
            for position, item in enumerate(items):
                error = e.recipient_error(recipient)  # before any call to Meta
                if not await self._attempt(item, token, recipient, error, report, sent=sent):
                    await self._release_untried(items[position + 1 :], token)
                    break
        finally:  # one commit for the turn's sends (a lost one is settled by Meta's status)
            if sent:
                await self._storage.outbox.record_sent(sent, token, self._clock())
        return report

    async def _release_untried(self, items: Sequence[OutboxItem], token: str) -> None:
        """Items after one that must wait are due at once: the retry loop keeps their order."""
        now = self._clock()
        for item in items:
            await self._storage.outbox.release(item.user_key, item.item_id, token, until=now,
                                               error_code=None, now=now)  # fmt: skip

    async def deliver(self, user_key: str, item_ids: list[str]) -> DeliveryReport:
        """Claim and send items by id, in order (retries and redelivered webhooks)."""
        report = DeliveryReport()
        lead = await self._storage.leads.get(user_key)
        header = await self._storage.conversations.get_header(user_key)
        for item_id in item_ids:
            current = await self._storage.outbox.get(user_key, item_id)
            if current is None or current.status is not OutboxStatus.PENDING:
                report.skipped += 1
                continue
            now, token = self._clock(), self._new_token()
            item = await self._storage.outbox.claim(user_key, item_id, token, now,
                                                    now + self._limits.lease)  # fmt: skip
            if item is None:  # leased elsewhere or backing off: an earlier item keeps the order
                report.skipped += 1
                break
            if await self._awaits_status(item, token, report):
                break
            error = rules.precheck(item, lead, header, now)
            recipient = Recipient(lead.phone, lead.user_id) if lead is not None else Recipient()
            if not await self._attempt(item, token, recipient, error, report):
                break
        return report

    async def retry_due(self, limit: int = 100) -> DeliveryReport:
        """Items whose backoff or lease has passed (run periodically)."""
        due = await self._storage.outbox.list_due(self._clock(), limit)
        report = DeliveryReport()
        for user_key in dict.fromkeys(i.user_key for i in due):
            # From the person's oldest pending item: an earlier one still waiting keeps order.
            mine = await self._storage.outbox.list_for_user(user_key)
            pending = [i for i in sorted(mine, key=rules.order) if i.status is OutboxStatus.PENDING]
            report.add(await self.deliver(user_key, [i.item_id for i in pending]))
        return report

    async def _awaits_status(self, item: OutboxItem, token: str, report: DeliveryReport) -> bool:
        """True when an earlier attempt may have reached Meta and its wait is not over."""
        settle = rules.settle_at(item, self._limits.uncertain_wait)
        if settle is None:
            return False
        if settle <= self._clock():  # no status came: a doubled send is possible from here
            log.warning("outbox.resending_unconfirmed", user_key=item.user_key,
                        outbox_item=item.item_id)  # fmt: skip
            return False
        error = e.Uncertain(None, "lease expired while sending")
        await self._failed(item, token, error, report, until=settle)
        return True

    async def _attempt(
        self, item: OutboxItem, token: str, recipient: Recipient, error: e.SendError | None,
        report: DeliveryReport, *, sent: list | None = None,
    ) -> bool:  # fmt: skip
        """True when the next item may go (this one is done); False to keep the order.

        With ``sent`` (inline delivery) the rate is never waited for and a sent item is
        collected there, recorded with the others; else it is recorded at once.
        """
        wamid, patient = None, sent is None
        if error is None and not patient and (wait := await self._rate.room(item)) > 0:
            return await self._later(item, token, wait, report)
        if error is None:
            try:
                wamid = await self._send(item, token, recipient, patient=patient)
            except e.SendError as exc:
                error = exc
        if error is not None:
            return await self._failed(item, token, error, report)
        done = (item, wamid or f"unknown:{item.item_id}")
        if sent is None:
            await self._storage.outbox.record_sent([done], token, self._clock())
        else:
            sent.append(done)
        report.sent += 1
        return True

    async def _later(self, item: OutboxItem, token: str, wait: float, report) -> bool:
        """Leave the item (untried) to the retry loop, due when the rate allows it."""
        now = self._clock()
        due = now + timedelta(seconds=wait)
        await self._storage.outbox.release(item.user_key, item.item_id, token, until=due,
                                           error_code=None, now=now)  # fmt: skip
        self.deferred.note(due)
        report.deferred += 1
        return False

    async def _send(
        self, item: OutboxItem, token: str, recipient: Recipient, *, patient: bool
    ) -> str | None:
        if patient:
            await self._rate.wait(item)
        # Only while the lease holds: once it runs out, another instance may take the item.
        local = getattr(self._sender, "local", False)  # needs no "sending" mark (see ports)
        marked = item if local else None
        if not local and rules.send_budget(item, self._clock()) > 0:  # durably "sending" first
            marked = await self._storage.outbox.mark_sending(item.user_key, item.item_id,
                                                             token, self._clock())  # fmt: skip
        budget = 0.0 if marked is None else rules.send_budget(marked, self._clock())
        if marked is None or budget <= 0:
            raise e.Transient(None, "the lease ran out before sending")
        return await self._sender.send(recipient, marked.payload, rules.reference(marked), budget)

    async def _failed(
        self, item: OutboxItem, token: str, error: e.SendError, report: DeliveryReport, *,
        until: datetime | None = None,
    ) -> bool:  # fmt: skip
        done = await fail_or_release(self._storage, item, token, error, now=self._clock(),
                                     limits=self._limits, until=until)  # fmt: skip
        if done:
            report.failed += 1
        else:
            report.deferred += 1
        return done
