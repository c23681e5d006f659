"""Files written once: aside first, then hard-linked into place, read-only (never replaced).

``os.link`` fails when the target exists, so a finished file can never be overwritten
and a half-written one is never visible under its final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

READ_ONLY = 0o444


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inside(root: Path, relative: str) -> Path:
    """``root / relative``, refused (ValueError) if it would escape ``root``."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        raise ValueError("path escapes its folder")
    return target


def create_once(target: Path, data: bytes, sha256: str) -> bool:
    """True if ``target`` now holds ``data`` (written now, or already); False: other bytes.

    Raises OSError when the folder cannot be written.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, aside = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(aside, READ_ONLY)
            os.link(aside, target)
        finally:
            os.unlink(aside)
    except FileExistsError:
        return sha256_of(target) == sha256
    return True


def files_under(folder: Path) -> list[Path]:
    """Every file below ``folder``, sorted, hidden ones left out (none when it is no folder)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def modified_at(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def remove(target: Path) -> bool:
    """Delete a file; False when it was already gone."""
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    return True
