"""Firestore plumbing: document paths, safe ids, bounded calls, metered transactions.

Every call has a deadline (``Paths.timeout``): a Firestore that stops answering becomes
StorageUnavailable (503, Meta retries) in seconds instead of hanging the webhook. Every
document read and write is counted (``OperationMeter``), the way Firestore bills them.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore import AsyncClient, AsyncDocumentReference, AsyncTransaction

from pyloto_corp.application.errors import StorageUnavailable

T = TypeVar("T")
TRANSACTION_ATTEMPTS = 12
DEFAULT_TIMEOUT_SECONDS = 5.0
DEFAULT_KEEP = timedelta(days=365)  # CONVERSATION_RETENTION_DAYS


def doc_id(raw: str) -> str:
    """Firestore ids cannot hold '/' nor be '.', '..' or '__x__': escape reversibly."""
    escaped = raw.replace("%", "%25").replace("/", "%2F")
    if escaped in {".", ".."} or (escaped.startswith("__") and escaped.endswith("__")):
        return "%" + escaped
    return escaped


@dataclass(slots=True)
class OperationMeter:
    """Document reads and writes so far (a query that finds nothing still costs one read)."""

    reads: int = 0
    writes: int = 0

    def snapshot(self) -> dict[str, int]:
        return {"reads": self.reads, "writes": self.writes}


class Paths:
    def __init__(
        self, client: AsyncClient, *, timeout: float = DEFAULT_TIMEOUT_SECONDS,
        meter: OperationMeter | None = None, keep: timedelta = DEFAULT_KEEP,
    ) -> None:  # fmt: skip
        self.client, self.timeout, self.keep = client, timeout, keep
        self.meter = meter or OperationMeter()

    def expiring(self, doc: dict[str, Any], since: datetime) -> dict[str, Any]:
        """``doc`` with ``expires_at``: the field Firestore's TTL policy deletes by."""
        return {**doc, "expires_at": since + self.keep}

    def conversation(self, user_key: str) -> AsyncDocumentReference:
        return self.client.collection("conversations").document(doc_id(user_key))

    def child(self, user_key: str, collection: str, key: str) -> AsyncDocumentReference:
        return self.conversation(user_key).collection(collection).document(doc_id(key))

    def lead(self, user_key: str) -> AsyncDocumentReference:
        return self.client.collection("lead_profiles").document(doc_id(user_key))

    async def get(self, ref: AsyncDocumentReference) -> Any:
        async with guard():
            snap = await bounded(ref.get(), self.timeout)
        self.meter.reads += 1
        return snap

    async def stream(self, query: Any) -> list[dict[str, Any]]:
        async def collect() -> list[dict[str, Any]]:
            return [d.to_dict() async for d in query.stream()]

        async with guard():
            docs = await bounded(collect(), self.timeout)
        self.meter.reads += max(1, len(docs))
        return docs

    async def write(self, call: Awaitable[Any], count: int = 1) -> Any:
        async with guard():
            result = await bounded(call, self.timeout)
        self.meter.writes += count
        return result


class Tx:
    """A transaction that counts its reads and writes (writes count once it commits)."""

    def __init__(self, inner: AsyncTransaction, meter: OperationMeter) -> None:
        self.inner, self._meter, self.writes = inner, meter, 0

    async def get(self, ref: AsyncDocumentReference) -> Any:
        snap = await ref.get(transaction=self.inner)
        self._meter.reads += 1
        return snap

    def create(self, ref: AsyncDocumentReference, doc: dict[str, Any]) -> None:
        self.inner.create(ref, doc)
        self.writes += 1

    def set(self, ref: AsyncDocumentReference, doc: dict[str, Any], merge: Any = False) -> None:
        self.inner.set(ref, doc, merge=merge)
        self.writes += 1

    def delete(self, ref: AsyncDocumentReference) -> None:
        self.inner.delete(ref)
        self.writes += 1


async def bounded(call: Awaitable[T], seconds: float) -> T:
    """``call``'s result, or StorageUnavailable after ``seconds`` (the call is abandoned).

    Not ``asyncio.timeout``: the SDK's rollback after a cancellation could itself hang
    on a Firestore that stopped answering, and the webhook must answer now.
    """
    task = asyncio.ensure_future(call)
    try:
        done, _ = await asyncio.wait({task}, timeout=seconds)
    except asyncio.CancelledError:
        task.cancel()
        raise
    if not done:
        task.cancel()
        raise StorageUnavailable(f"firestore: no answer in {seconds}s")
    return task.result()


def _aborted(exc: BaseException) -> bool:
    if isinstance(exc, gexc.Aborted):
        return True
    return isinstance(exc, ValueError) and isinstance(exc.__cause__, gexc.Aborted)


@asynccontextmanager
async def guard() -> AsyncIterator[None]:
    """Every Firestore failure surfaces as StorageUnavailable (5xx, Meta retries)."""
    try:
        yield
    except (gexc.GoogleAPIError, gexc.RetryError) as exc:
        raise StorageUnavailable(f"firestore: {type(exc).__name__}") from exc


async def run_transaction(
    paths: Paths | AsyncClient,
    body: Callable[[Tx], Awaitable[T]],
    attempts: int = TRANSACTION_ATTEMPTS,
) -> T:
    """Run ``body`` in a transaction, retrying contention with jittered backoff.

    Firestore locks pessimistically: concurrent writers abort each other, so retries
    must be spread out in time instead of the SDK's immediate ones. AlreadyExists (a
    ``create`` whose document is there) is raised as is: callers give it a meaning.
    """
    paths = paths if isinstance(paths, Paths) else Paths(paths)
    last: BaseException | None = None
    for attempt in range(attempts):
        tx = Tx(paths.client.transaction(max_attempts=1), paths.meter)

        @firestore.async_transactional
        async def wrapped(transaction: AsyncTransaction, tx: Tx = tx) -> Any:
            return await body(tx)

        try:
            result = await bounded(wrapped(tx.inner), paths.timeout)
        except (gexc.Aborted, ValueError) as exc:
            if not _aborted(exc):
                raise
            last = exc
        except gexc.AlreadyExists:
            raise
        except (gexc.GoogleAPIError, gexc.RetryError) as exc:
            raise StorageUnavailable(f"firestore: {type(exc).__name__}") from exc
        else:
            paths.meter.writes += tx.writes
            return result
        await asyncio.sleep(random.uniform(0.01, 0.05 * 2 ** min(attempt, 5)))  # noqa: S311
    raise StorageUnavailable("firestore: contention persisted") from last
