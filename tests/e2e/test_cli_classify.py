"""`pyloto-corp classify`: the CLI contract, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "pyloto_corp.cli.main", "classify"]
DEV = Path(__file__).resolve().parents[2] / "corpus" / "intents" / "dev.jsonl"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], input=stdin, capture_output=True, text=True, timeout=60, check=False
    )


def test_one_json_object_per_input_line() -> None:
    done = run(stdin="vcs fazem app?\nqro ser entregador\n\nquero um chatbot e também um site\n")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    texts = ["vcs fazem app?", "qro ser entregador", "", "quero um chatbot e também um site"]
    assert [r["text"] for r in rows] == texts
    assert [set(r) for r in rows] == [{"text", "intent", "confidence", "secondary"}] * 4
    assert rows[0]["intent"] == "CUSTOM_SOFTWARE"
    assert rows[1]["intent"] == "PYLOTO_ENTREGA_DRIVER_SIGNUP"
    assert rows[2]["intent"] == "ENTRY_UNKNOWN"
    assert rows[3]["secondary"] == ["CUSTOM_SOFTWARE"]
    assert all(0 <= r["confidence"] <= 1 for r in rows)


def test_eval_prints_accuracy_and_the_per_intent_table() -> None:
    done = run("--eval", str(DEV))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("accuracy: ")
    for intent in ("ENTRY_UNKNOWN", "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "UNSUPPORTED"):
        assert intent in done.stdout
    assert "precision" in done.stdout and "recall" in done.stdout


def test_eval_reports_a_bad_line_by_number(tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text(
        '{"text": "oi", "intent": "ENTRY_UNKNOWN"}\n{"text": "x", "intent": "NOPE"}\n'
    )
    done = run("--eval", str(corpus))
    assert done.returncode == 2
    assert "linha 2" in done.stderr
    assert run("--eval", str(tmp_path / "missing.jsonl")).returncode == 2
