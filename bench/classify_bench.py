"""Classifier throughput on this machine: `make bench-classify` (not a test, prints figures)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pyloto_corp.adapters.language.resources import bundled_classifier

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
    rates = []
    for _ in range(ROUNDS):
        begin = time.perf_counter()
        for text in texts:
            classifier.classify(text)
        rates.append(len(texts) / (time.perf_counter() - begin))
    best, median = max(rates), statistics.median(rates)
    print(f"messages per round: {len(texts)}, rounds: {ROUNDS}")
    print(f"lexicon load + index: {load_ms:.1f} ms")
    print(f"classify: median {median:,.0f} msg/s ({1e6 / median:.1f} µs/msg), best {best:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
