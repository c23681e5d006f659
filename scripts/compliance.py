"""``make compliance``: measure the house rules on the code and write the report.

Runs import-linter, the whole test suite under coverage (branch coverage, the same
configuration as ``make test``) and the ``pii_logs`` tests, then writes
``Monitoramento_Regras-Padroes.md``. Exit code 1 when a rule is violated or a test failed
(the report is written either way: it says what was measured).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from compliance_rules import REPORT, ROOT, Facts, fingerprint, render

from pyloto_corp.infra.timezone import bundled_zone

BIN = Path(sys.executable).parent
STALENESS_TEST = "tests/architecture/test_compliance_report.py"
_CONTRACT = re.compile(r"^(.+) (KEPT|BROKEN)$")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # Fixed tools of this repository's virtualenv and git; no argument comes from outside.
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False,  # noqa: S603
                          env={**os.environ, "COLUMNS": "400", **(env or {})})  # fmt: skip


def contracts() -> tuple[tuple[str, str], ...]:
    output = run(str(BIN / "lint-imports"), "--no-cache").stdout
    found = (_CONTRACT.match(line.strip()) for line in output.splitlines())
    return tuple((m.group(1), m.group(2)) for m in found if m)


def outcomes(junit: Path) -> list[tuple[str, str]]:
    """(test id, "passou" | "falhou" | "pulado") for every test case in a JUnit file."""
    results = []
    for case in ET.parse(junit).getroot().iter("testcase"):  # noqa: S314 - our own file
        module = case.get("classname", "").replace(".", "/")
        state = "passou"
        if case.find("failure") is not None or case.find("error") is not None:
            state = "falhou"
        elif case.find("skipped") is not None:
            state = "pulado"
        results.append((f"{module}.py::{case.get('name')}", state))
    return results


def suite_and_coverage(folder: Path) -> tuple[dict[str, int], float]:
    junit = folder / "suite.xml"
    for stale in ROOT.glob(".coverage*"):
        stale.unlink()
    run(str(BIN / "coverage"), "run", "-m", "pytest", "-q", "-p", "no:cacheprovider",
        f"--ignore={STALENESS_TEST}", f"--junitxml={junit}")  # fmt: skip
    run(str(BIN / "coverage"), "combine", "--quiet")
    run(str(BIN / "coverage"), "json", "-o", str(folder / "coverage.json"))
    totals = json.loads((folder / "coverage.json").read_text())["totals"]
    found = outcomes(junit)
    for name in (n for n, state in found if state == "falhou"):
        print(f"falhou: {name}", file=sys.stderr)  # noqa: T201 - which test, for whoever runs it
    states = [state for _, state in found]
    suite = {"passaram": states.count("passou"), "falharam": states.count("falhou"),
             "pulados": states.count("pulado")}  # fmt: skip
    return suite, round(float(totals["percent_covered"]), 2)


def pii_tests(folder: Path) -> tuple[tuple[str, str], ...]:
    junit = folder / "pii.xml"
    run(str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", "-m", "pii_logs",
        f"--junitxml={junit}")  # fmt: skip
    return tuple(outcomes(junit))


def commit() -> str:
    head = run("git", "rev-parse", "--short=12", "HEAD").stdout.strip() or "sem git"
    changed = [line for line in run("git", "status", "--porcelain").stdout.splitlines()
               if not line.endswith(REPORT.name)]  # fmt: skip
    return f"{head} + alterações não commitadas" if changed else head


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pyloto-compliance-") as name:
        folder = Path(name)
        suite, coverage = suite_and_coverage(folder)
        facts = Facts(
            generated_at=datetime.now(bundled_zone("America/Sao_Paulo")).strftime(
                "%d/%m/%Y %H:%M:%S (America/Sao_Paulo)"),
            commit=commit(), fingerprint=fingerprint(), contracts=contracts(),
            coverage=coverage, suite=suite, pii=pii_tests(folder),
        )  # fmt: skip
    text = render(facts)
    REPORT.write_text(text, encoding="utf-8")
    violated = "❌" in text.split("## Resumo", 1)[1].split("##", 1)[0]
    print(f"{REPORT.name} escrito; {'há regras violadas' if violated else 'tudo cumprido'}")  # noqa: T201
    return 1 if violated or suite["falharam"] else 0


if __name__ == "__main__":
    sys.exit(main())
