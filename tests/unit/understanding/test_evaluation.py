"""Per-act precision/recall on a tiny corpus, the table, and ``pyloto-corp eval-turns``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.cli.main import main
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.evaluation import Example, evaluate, render

NONE = ReadingContext()
CITY = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                      slot="city", slot_kind="city")  # fmt: skip
TINY = [
    Example("oi", NONE, frozenset({Act.GREETING})),
    Example("Ponta Grossa", CITY, frozenset({Act.ANSWER})),
    Example("kkkk", NONE, frozenset({Act.GREETING})),  # read as SMALL_TALK: a miss
]


def test_the_report_has_its_shape() -> None:
    report = evaluate(bundled_reader(), TINY)
    assert set(report) == {"turns", "exact_match", "acts", "macro", "target", "confusion"}
    assert (report["turns"], report["exact_match"]) == (3, 0.6667)
    assert report["acts"]["GREETING"] == {"precision": 1.0, "recall": 0.5, "support": 2}
    assert report["acts"]["SMALL_TALK"] == {"precision": 0.0, "recall": 0.0, "support": 0}
    assert report["confusion"] == {"GREETING": {"SMALL_TALK": 1}}
    assert report["macro"] == {"precision": 1.0, "recall": 0.75}
    assert report["target"]["met"] is True  # no act has the support to be measured


def test_an_empty_corpus_has_no_macro() -> None:
    report = evaluate(bundled_reader(), [])
    assert report["macro"] == {"precision": 0.0, "recall": 0.0} and report["turns"] == 0


def test_a_miss_with_nothing_read_instead_is_confused_with_none() -> None:
    report = evaluate(bundled_reader(), [Example("oi", NONE, frozenset({Act.ABUSE}))])
    assert report["confusion"]["ABUSE"] == {"GREETING": 1}
    report = evaluate(bundled_reader(), [Example("Ponta Grossa", NONE, frozenset({Act.ABUSE}))])
    assert report["confusion"]["ABUSE"] == {"none": 1}


def test_the_table_marks_acts_below_target() -> None:
    report = evaluate(bundled_reader(), TINY * 20)
    lines: list[str] = []
    render(report, lines.append)
    assert lines[0].startswith("turns: 60")
    assert any(line.startswith("GREETING") and "below target" in line for line in lines)
    assert any(line.startswith("ANSWER") and line.endswith(" ok") for line in lines)
    assert lines[-1].startswith("macro")


def _corpus(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "turns.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


GOOD = json.dumps({"context": {"state": "collecting", "intent": "CUSTOM_SOFTWARE",
                               "pending": "slot:city", "options": []},
                   "text": "Londrina", "acts": ["ANSWER"]})  # fmt: skip
MENU = json.dumps({"context": {"state": "menu", "pending": "menu",
                               "options": ["Sistemas sob medida", "Outra coisa"]},
                   "text": "1", "acts": ["MENU_CHOICE"]})  # fmt: skip
CONFIRM = json.dumps({"context": {"state": "confirming", "intent": "CUSTOM_SOFTWARE",
                                  "pending": "confirm", "options": []},
                      "text": "sim", "acts": ["AFFIRM"]})  # fmt: skip


def test_the_cli_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _corpus(tmp_path, GOOD, "", MENU, CONFIRM)
    assert main(["eval-turns", path]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["file"] == path and report["turns"] == 3 and report["exact_match"] == 1.0


def test_the_cli_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-turns", _corpus(tmp_path, GOOD), "--table"]) == 0
    assert capsys.readouterr().out.startswith("turns: 1  exact match: 1.000")


@pytest.mark.parametrize(
    "line", ["{not json", json.dumps({"text": "oi"}), json.dumps({"context": {}, "text": "oi",
                                                                  "acts": ["NOPE"]})],
)  # fmt: skip
def test_the_cli_refuses_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    assert main(["eval-turns", _corpus(tmp_path, GOOD, line)]) == 2
    assert "eval-turns: " in (said := capsys.readouterr().err) and ", linha 2: " in said


def test_the_cli_refuses_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-turns", str(tmp_path / "nothing.jsonl")]) == 2
    assert "pyloto-corp eval-turns:" in capsys.readouterr().err
