"""Classifier throughput on this machine: `make bench-classify` (not a test, prints figures).

Every round reads each message from scratch: the text-keyed cache of ``fold`` (shared with
the turn reader) is emptied first, so what is timed is the whole classification. What the
classifier keeps between messages is per distinct word (typo fix, cues, weight rows),
which real traffic shares as well.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pyloto_corp.adapters.language.resources import bundled_classifier
from pyloto_corp.domain.language.normalize import fold

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "intents"
ROUNDS = 7


def main() -> int:
    texts = [
        json.loads(line)["text"]
        for name in ("train.jsonl", "dev.jsonl")
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
    ]
    started = time.perf_counter()
    classifier = bundled_classifier()
    load_ms = (time.perf_counter() - started) * 1000
    rates, cpu = [], []
    for _ in range(ROUNDS):
        fold.cache_clear()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            classifier.classify(text)
        rates.append(len(texts) / (time.perf_counter() - begin))
        cpu.append(len(texts) / (time.process_time() - begin_cpu))
    best, median = max(rates), statistics.median(rates)
    print(f"messages per round: {len(texts)}, rounds: {ROUNDS}")
    print(f"lexicon load + index: {load_ms:.1f} ms")
    print(f"classify: median {median:,.0f} msg/s ({1e6 / median:.1f} µs/msg), best {best:,.0f}")
    print(f"classify CPU: median {statistics.median(cpu):,.0f} msg/s, best {max(cpu):,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
