"""The command line answers at once and speaks pt-BR, including argparse's own messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
HEAVY = ("fastapi", "starlette", "google", "uvicorn", "redis", "httpx", "pydantic",
         "pyloto_corp.bootstrap", "pyloto_corp.adapters")  # fmt: skip
LOADED = "sorted(m for m in sys.modules if m.startswith({heavy!r}))"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60, check=False)


def loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint({LOADED.format(heavy=HEAVY)})"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    return eval(done.stdout.splitlines()[-1])  # noqa: S307 - our own probe's repr of a list


def test_importing_the_entry_point_loads_no_framework_sdk_or_driver():
    """`pyloto-corp --help` and usage errors only need argparse: nothing heavy at import."""
    assert loaded_after("import pyloto_corp.cli.main") == []


def test_ops_key_runs_without_the_web_framework_or_storage():
    code = "from pyloto_corp.cli.main import main\nmain(['ops-key', '--name', 'leve'])"
    assert loaded_after(code) == []


def test_help_is_in_portuguese():
    done = run("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("uso: pyloto-corp")
    assert "argumentos posicionais:" in done.stdout and "opções:" in done.stdout
    assert "mostra esta ajuda e sai" in done.stdout
    assert "usage:" not in done.stdout and "show this help" not in done.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "pyloto-corp: erro: faltam os argumentos obrigatórios: COMANDO"),
        (("nada",), "argumento COMANDO: opção inválida: 'nada' (escolha entre 'serve',"),
        (("ops-key", "--name", "a", "--demais"), "argumentos não reconhecidos: --demais"),
        (("ops-key",), "pyloto-corp ops-key: erro: faltam os argumentos obrigatórios: --name"),
        (("serve", "--port", "x"), "argumento --port: valor inválido (int): 'x'"),
        (("export", "--reason", "r"), "é obrigatório um dos argumentos --phone --user-key"),
        (("leads", "--format", "xml"), "opção inválida: 'xml' (escolha entre 'table',"),
    ],
)
def test_usage_errors_are_in_portuguese(args, said):
    """Exit 2, the usage line and the message in pt-BR, nothing in English."""
    done = run(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("uso: pyloto-corp") and said in done.stderr
    assert not any(word in done.stderr for word in ("usage:", "error:", "required", "invalid"))


def test_argparse_is_back_to_english_after_parsing():
    """The translation only lasts while the CLI parses (other parsers in the process keep it)."""
    code = (
        "import argparse, contextlib, io\n"
        "from pyloto_corp.cli.main import main\n"
        "main(['ops-key', '--name', 'x'])\n"
        "err = io.StringIO()\n"
        "with contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):\n"
        "    argparse.ArgumentParser(prog='p').parse_args(['--x'])\n"
        "print(repr(err.getvalue()))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    assert "usage: p" in done.stdout and "unrecognized arguments" in done.stdout


def test_a_reader_that_goes_away_ends_the_command_quietly():
    """ "pyloto-corp eval-turns F | head -1": exit 141 like a shell, no traceback."""
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "turns" / "dev.jsonl"
    proc = subprocess.Popen([*CLI, "eval-turns", str(corpus)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141 and "Traceback" not in err
