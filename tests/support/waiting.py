"""Wait on a condition, never on the clock: poll until it holds, fail clearly at a deadline.

A test that sleeps a fixed time and then asserts on background work flakes on a slow
machine. These return as soon as the work is done; the deadline is only a generous bound
after which the test fails, saying what it waited for and what it saw last.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
DEADLINE_SECONDS = 10.0
POLL_SECONDS = 0.02


def wait_for(
    observe: Callable[[], T], done: Callable[[T], bool], what: str,
    within: float = DEADLINE_SECONDS,
) -> T:  # fmt: skip
    """The first observation that is ``done`` (sync tests)."""
    deadline = time.monotonic() + within
    while True:
        seen = observe()
        if done(seen):
            return seen
        if time.monotonic() >= deadline:
            raise AssertionError(f"gave up after {within:g} s waiting for {what}; last: {seen!r}")
        time.sleep(POLL_SECONDS)


async def eventually(
    observe: Callable[[], Awaitable[T]], done: Callable[[T], bool], what: str,
    within: float = DEADLINE_SECONDS,
) -> T:  # fmt: skip
    """The first observation that is ``done`` (async tests)."""
    deadline = time.monotonic() + within
    while True:
        seen = await observe()
        if done(seen):
            return seen
        if time.monotonic() >= deadline:
            raise AssertionError(f"gave up after {within:g} s waiting for {what}; last: {seen!r}")
        await asyncio.sleep(POLL_SECONDS)
