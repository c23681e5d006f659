"""Firestore plumbing: document paths, safe ids, transactions with bounded retries."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore import AsyncClient, AsyncDocumentReference, AsyncTransaction

from pyloto_corp.application.errors import StorageUnavailable

T = TypeVar("T")
TRANSACTION_ATTEMPTS = 12


def doc_id(raw: str) -> str:
    """Firestore ids cannot hold '/' nor be '.', '..' or '__x__': escape reversibly."""
    escaped = raw.replace("%", "%25").replace("/", "%2F")
    if escaped in {".", ".."} or (escaped.startswith("__") and escaped.endswith("__")):
        return "%" + escaped
    return escaped


class Paths:
    def __init__(self, client: AsyncClient) -> None:
        self.client = client

    def conversation(self, user_key: str) -> AsyncDocumentReference:
        return self.client.collection("conversations").document(doc_id(user_key))

    def child(self, user_key: str, collection: str, key: str) -> AsyncDocumentReference:
        return self.conversation(user_key).collection(collection).document(doc_id(key))

    def lead(self, user_key: str) -> AsyncDocumentReference:
        return self.client.collection("lead_profiles").document(doc_id(user_key))


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
    client: AsyncClient,
    body: Callable[[AsyncTransaction], Awaitable[T]],
    attempts: int = TRANSACTION_ATTEMPTS,
) -> T:
    """Run ``body`` in a transaction, retrying contention with jittered backoff.

    Firestore locks pessimistically: concurrent writers abort each other, so retries
    must be spread out in time instead of the SDK's immediate ones.
    """

    @firestore.async_transactional
    async def wrapped(transaction: AsyncTransaction) -> Any:
        return await body(transaction)

    last: BaseException | None = None
    for attempt in range(attempts):
        try:
            return await wrapped(client.transaction(max_attempts=1))
        except (gexc.Aborted, ValueError) as exc:
            if not _aborted(exc):
                raise
            last = exc
        except (gexc.GoogleAPIError, gexc.RetryError) as exc:
            raise StorageUnavailable(f"firestore: {type(exc).__name__}") from exc
        await asyncio.sleep(random.uniform(0.01, 0.05 * 2 ** min(attempt, 5)))  # noqa: S311
    raise StorageUnavailable("firestore: contention persisted") from last
