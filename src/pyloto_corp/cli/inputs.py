"""Files the commands read and write: one message in pt-BR that names the file, said once."""

from __future__ import annotations

import json
from pathlib import Path

_REASONS: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "arquivo ou pasta não encontrado"),
    (IsADirectoryError, "é uma pasta, não um arquivo"),
    (NotADirectoryError, "uma parte do caminho não é uma pasta"),
    (FileExistsError, "existe e não é uma pasta"),
    (PermissionError, "sem permissão"),
)


class InputError(ValueError):
    """A file the command cannot use; ``str()`` is the whole message (file named)."""


def reason(exc: BaseException) -> str:
    """Why, in pt-BR, without the file (the caller names it)."""
    if isinstance(exc, UnicodeDecodeError):
        return "não está em UTF-8"
    if isinstance(exc, json.JSONDecodeError):
        return f"não é JSON válido (coluna {exc.colno})"
    if isinstance(exc, KeyError):
        return f"falta o campo {exc}"
    for kind, text in _REASONS:
        if isinstance(exc, kind):
            return text
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc) or type(exc).__name__


def about(path: str | Path, exc: BaseException) -> str:
    """``<file>: <reason>``; the file the error names when it is another (a parent folder)."""
    named = getattr(exc, "filename", None)
    return f"{named or path}: {reason(exc)}"


def read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(about(path, exc)) from exc


def write_bytes(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(about(path, exc)) from exc
