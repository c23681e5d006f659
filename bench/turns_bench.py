"""Cost of reading one turn (``TurnReader.read``) on this machine: `make bench-turns`.

Figures, not a test: every annotated turn of corpus/turns, read in its context, timed one
by one; the median is what issue 20 bounds (≤ 1 ms). The service reads each message once, so
the per-text caches (folded text, number words) are also cleared before a "first read" round:
that median is the honest one. The load average is printed because two busy cores (a test run,
a helper) double every figure.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from pyloto_corp.adapters.language.resources import bundled_reader, read_json
from pyloto_corp.cli.eval_turns import context_of
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.language import normalize, numbers
from pyloto_corp.domain.understanding.acts import ReadingContext
from pyloto_corp.domain.understanding.reader import TurnReader

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "turns"
ROUNDS = 5


def main() -> int:
    content = Content.from_dict(read_json("content/pt_br.json"))
    turns = [
        (doc["text"], context_of(doc["context"], content))
        for name in ("train.jsonl", "dev.jsonl")
        for doc in map(json.loads, (CORPUS / name).read_text(encoding="utf-8").splitlines())
    ]
    reader = bundled_reader()
    for text, context in turns:  # warm the caches the service warms on its first messages
        reader.read(text, context)
    costs, cpu = [], []
    for _ in range(ROUNDS):
        started = time.process_time()
        for text, context in turns:
            begin = time.perf_counter_ns()
            reader.read(text, context)
            costs.append((time.perf_counter_ns() - begin) / 1e6)
        cpu.append((time.process_time() - started) / len(turns) * 1000)
    print(f"turns per round: {len(turns)}, rounds: {ROUNDS}, load {os.getloadavg()[0]:.2f}")
    costs.sort()
    median, p90 = statistics.median(costs), costs[int(len(costs) * 0.9)]
    print(f"read-turn: median {median:.3f} ms, p90 {p90:.3f} ms, max {costs[-1]:.3f} ms")
    print(f"read-turn CPU: mean {min(cpu):.3f} ms per turn (best round of {ROUNDS})")
    first = sorted(_first_read(reader, text, context) for text, context in turns)
    print(f"read-turn, first read of each text: median {statistics.median(first):.3f} ms")
    return 0


def _first_read(reader: TurnReader, text: str, context: ReadingContext) -> float:
    """One read with the per-text caches empty, as a message the service never saw."""
    for cached in (normalize.fold, numbers._number_words, numbers._numbers):
        cached.cache_clear()
    normalize._TOKENS.clear()
    begin = time.perf_counter_ns()
    reader.read(text, context)
    return (time.perf_counter_ns() - begin) / 1e6


if __name__ == "__main__":
    sys.exit(main())
