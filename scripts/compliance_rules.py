"""What the compliance report measures and how it is written (pure: files in, text out).

Shared by ``scripts/compliance.py`` (``make compliance``), which runs the tools and writes
``Monitoramento_Regras-Padroes.md``, and by the test that fails when the report is stale.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "pyloto_corp"
REPORT = ROOT / "Monitoramento_Regras-Padroes.md"
MAX_FILE_LINES, MAX_FUNCTION_LINES, MIN_COVERAGE = 200, 50, 90
FINGERPRINTED = ("src/pyloto_corp", ".importlinter", "pyproject.toml")  # not the egg-info
CHECKSUM_LABEL = "Checksum (SHA-256 de todas as linhas acima)"
TOP = 5


def sources(root: Path = SRC) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def functions_of(path: Path) -> list[tuple[str, int, int]]:
    """(name, first line, lines) of every function and method in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [(node.name, node.lineno, node.end_lineno - node.lineno + 1)  # type: ignore[operator]
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]  # fmt: skip


def file_sizes(root: Path = SRC) -> list[tuple[str, int]]:
    """(path from the repository root, lines), longest first."""
    sizes = [(str(p.relative_to(ROOT)), line_count(p)) for p in sources(root)]
    return sorted(sizes, key=lambda item: (-item[1], item[0]))


def function_sizes(root: Path = SRC) -> list[tuple[str, int]]:
    """("path:function:line", lines) of every function and method, longest first."""
    found = [(f"{path.relative_to(ROOT)}:{name}:{line}", size)
             for path in sources(root) for name, line, size in functions_of(path)]  # fmt: skip
    return sorted(found, key=lambda item: (-item[1], item[0]))


def fingerprint(root: Path = ROOT) -> str:
    """SHA-256 over what the rules measure: every source file and the two configurations."""
    digest = hashlib.sha256()
    for name in FINGERPRINTED:
        base = root / name
        paths = sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if base.is_dir() else [base]  # fmt: skip
        for path in paths:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Facts:
    generated_at: str
    commit: str
    fingerprint: str
    contracts: tuple[tuple[str, str], ...]
    coverage: float
    suite: dict[str, int] = field(default_factory=dict)
    pii: tuple[tuple[str, str], ...] = ()


def _mark(ok: bool) -> str:
    return "✅ cumprida" if ok else "❌ violada"


def size_sections() -> list[str]:
    """The part of the report the staleness test recomputes from the code, line for line."""
    files, functions = file_sizes(), function_sizes()
    over_files = [f for f in files if f[1] > MAX_FILE_LINES]
    over_functions = [f for f in functions if f[1] > MAX_FUNCTION_LINES]
    lines = [f"## Arquivos com mais de {MAX_FILE_LINES} linhas (`src/`)", ""]
    lines += [f"- `{p}`: {n} linhas" for p, n in over_files] or ["Nenhum."]
    lines += ["", f"## Funções com mais de {MAX_FUNCTION_LINES} linhas", ""]
    lines += [f"- `{p}`: {n} linhas" for p, n in over_functions] or ["Nenhuma."]
    lines += ["", f"## Os {TOP} maiores (acompanhamento)", "", "| arquivo | linhas |", "|---|---|"]
    lines += [f"| `{p}` | {n} |" for p, n in files[:TOP]]
    lines += ["", "| função | linhas |", "|---|---|"]
    lines += [f"| `{p}` | {n} |" for p, n in functions[:TOP]]
    lines += ["", f"Arquivos medidos: {len(files)}; funções medidas: {len(functions)}.", ""]
    return lines


def summary_rows(facts: Facts) -> list[str]:
    files, functions = file_sizes(), function_sizes()
    kept = sum(1 for _, state in facts.contracts if state == "KEPT")
    pii_failed = sum(1 for _, outcome in facts.pii if outcome != "passou")
    return [
        "| regra | limite | medido | situação |", "|---|---|---|---|",
        f"| linhas por arquivo (`src/`) | ≤ {MAX_FILE_LINES} | maior: {files[0][1]} | "
        f"{_mark(files[0][1] <= MAX_FILE_LINES)} |",
        f"| linhas por função | ≤ {MAX_FUNCTION_LINES} | maior: {functions[0][1]} | "
        f"{_mark(functions[0][1] <= MAX_FUNCTION_LINES)} |",
        f"| camadas (import-linter) | todos os contratos | {kept} de {len(facts.contracts)} "
        f"mantidos | {_mark(kept == len(facts.contracts) > 0)} |",
        f"| cobertura com ramos | ≥ {MIN_COVERAGE}% | {facts.coverage:.2f}% | "
        f"{_mark(facts.coverage >= MIN_COVERAGE)} |",
        f"| nenhum dado pessoal em log (testes `pii_logs`) | 0 falhas | {len(facts.pii)} testes, "
        f"{pii_failed} falhas | {_mark(pii_failed == 0 and len(facts.pii) > 0)} |",
    ]  # fmt: skip


def render(facts: Facts) -> str:
    suite = ", ".join(f"{n} {k}" for k, n in facts.suite.items())
    lines = [
        "# Monitoramento de regras e padrões", "",
        "> Gerado por `scripts/compliance.py` (`make compliance`) a partir do próprio código. "
        "**Não edite à mão**: a suíte de testes falha se este arquivo não corresponder ao código "
        "(impressão digital abaixo) ou se tiver sido alterado depois de gerado.", "",
        f"- Gerado em: {facts.generated_at}",
        f"- Commit de referência: `{facts.commit}`",
        "- Impressão digital do código medido (`src/pyloto_corp`, `.importlinter`, "
        "`pyproject.toml`): "
        f"`{facts.fingerprint}`",
        f"- Suíte de testes nesta medição: {suite}", "",
        "## Resumo", "", *summary_rows(facts), "",
        *size_sections(),
        "## Contratos de camadas (import-linter)", "",
        *[f"- {name}: **{state}**" for name, state in facts.contracts], "",
        "## Testes de dados pessoais em logs", "",
        *[f"- `{nodeid}`: {outcome}" for nodeid, outcome in facts.pii], "",
    ]  # fmt: skip
    body = "\n".join(lines)
    return body + f"---\n{CHECKSUM_LABEL}: {hashlib.sha256(body.encode()).hexdigest()}\n"


def checksum_matches(text: str) -> bool:
    body, _, last = text.rstrip("\n").rpartition("\n---\n")
    expected = hashlib.sha256((body + "\n").encode()).hexdigest()
    return last == f"{CHECKSUM_LABEL}: {expected}"
