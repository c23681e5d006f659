"""Which files the CLI uses, from any directory, and errors that name the file once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
LOCATIONS = ("SQLITE_PATH", "MEDIA_LOCAL_DIR", "EXPORT_LOCAL_DIR", "PYLOTO_HOME",
             "STORAGE_BACKEND", "ENVIRONMENT", "LOG_FORMAT")  # fmt: skip


def run(cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCATIONS} | extra
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout: its pyproject.toml, a .env with a relative database, a deep subfolder."""
    root = tmp_path / "projeto"
    (root / "docs" / "fundo").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "pyloto-corp"\n')
    (root / ".env").write_text("ENVIRONMENT=test\nSQLITE_PATH=dados/banco.sqlite3\n")
    return root


def test_a_subfolder_uses_the_projects_env_and_database(project):
    """From docs/fundo the .env of the project is read and the database lands in the project."""
    done = run(project / "docs" / "fundo", "sweep")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["examined"] == 0
    assert (project / "dados" / "banco.sqlite3").is_file()
    assert not (project / "docs" / "fundo" / "dados").exists()


def test_pyloto_home_chooses_the_folder_from_anywhere(project, tmp_path):
    elsewhere = tmp_path / "outro"
    elsewhere.mkdir()
    done = run(elsewhere, "sweep", PYLOTO_HOME=str(project))
    assert done.returncode == 0, done.stderr
    assert (project / "dados" / "banco.sqlite3").is_file() and not list(elsewhere.iterdir())


def test_serve_says_which_files_it_uses(project):
    """The first line on stderr names the folder, the .env and the database, absolute."""
    done = run(project / "docs", "serve", ENVIRONMENT="production", ZERO_TRUST_MODE="true")
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert f"pasta do projeto {project}" in first and f".env: {project / '.env'} (lido)" in first
    assert f"banco: {project / 'dados' / 'banco.sqlite3'}" in first


def test_outside_a_project_the_current_folder_is_used(tmp_path):
    done = run(tmp_path, "sweep", ENVIRONMENT="test")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "var" / "pyloto.sqlite3").is_file()


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "pasta.jsonl").mkdir()
    (tmp_path / "ruim.jsonl").write_text("{quebrado\n")
    return {
        "missing": (tmp_path / "nada.jsonl", "arquivo ou pasta não encontrado"),
        "folder": (tmp_path / "pasta.jsonl", "é uma pasta, não um arquivo"),
        "json": (tmp_path / "ruim.jsonl", "ruim.jsonl, linha 1: não é JSON válido"),
    }


@pytest.mark.parametrize("command", [("simulate",), ("classify", "--eval"), ("eval-turns",),
                                     ("eval-slots",)])  # fmt: skip
@pytest.mark.parametrize("case", ["missing", "folder", "json"])
def test_a_bad_input_file_is_named_once_in_portuguese(tmp_path, command, case):
    path, reason = _bad_inputs(tmp_path)[case]
    done = run(tmp_path, *command, str(path), ENVIRONMENT="test")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"pyloto-corp {command[0]}: ")
    assert done.stderr.count(str(path)) == 1 and reason in done.stderr
    assert "Errno" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [("sweep",), ("leads",), ("retention", "apply", "--dry-run")])
def test_a_database_it_cannot_open_is_named_without_a_traceback(tmp_path, command):
    (tmp_path / "arquivo").write_text("")
    database = tmp_path / "arquivo" / "banco.sqlite3"
    done = run(tmp_path, *command, ENVIRONMENT="test", SQLITE_PATH=str(database))
    assert done.returncode == 3 and "Traceback" not in done.stderr
    said = f"pyloto-corp: não consegui usar {tmp_path / 'arquivo'}: existe e não é uma pasta"
    assert done.stderr.strip().splitlines()[-1] == said


def test_a_folder_as_the_database_is_named(tmp_path):
    done = run(tmp_path, "sweep", ENVIRONMENT="test", SQLITE_PATH=str(tmp_path))
    assert done.returncode == 3
    assert f"não consegui abrir o banco {tmp_path}: é uma pasta, não um arquivo" in done.stderr


def test_a_bad_setting_is_named_without_its_value(tmp_path):
    done = run(tmp_path, "sweep", PORT="porta-secreta", OUTBOX_MAX_ATTEMPTS="0")
    assert done.returncode == 2 and "porta-secreta" not in done.stderr
    assert "configuração inválida: OUTBOX_MAX_ATTEMPTS, PORT" in done.stderr
    assert "Traceback" not in done.stderr
