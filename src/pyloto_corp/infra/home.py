"""Where the service's files live, whatever the current directory.

The project folder is ``PYLOTO_HOME`` when set; otherwise the nearest folder, from the current
one upwards, whose ``pyproject.toml`` is this project's; otherwise the current folder. The
``.env`` file is read there, and relative data paths (``SQLITE_PATH``, ``MEDIA_LOCAL_DIR``,
``EXPORT_LOCAL_DIR``) are taken from there.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "PYLOTO_HOME"
_PROJECT_LINE = 'name = "pyloto-corp"'


def _is_project(pyproject: Path) -> bool:
    try:
        return _PROJECT_LINE in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def project_home(start: Path | None = None) -> Path:
    """The folder the relative paths and the ``.env`` file are taken from."""
    configured = os.environ.get(HOME_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_project(folder / "pyproject.toml"):
            return folder
    return here


def env_file(home: Path | None = None) -> Path:
    return (home or project_home()) / ".env"


def under_home(path: str, home: Path) -> str:
    """``path`` made absolute against ``home`` (an absolute path stays as it is)."""
    candidate = Path(path).expanduser()
    return str(candidate if candidate.is_absolute() else home / candidate)
