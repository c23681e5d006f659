"""The settings the CLI runs with, and which files they point to (absolute paths).

``.env`` and the relative data paths are taken from the project folder (``infra.home``), so
the command behaves the same from any directory; ``describe`` says which files it uses.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from pyloto_corp.cli.inputs import about, reason
from pyloto_corp.infra.home import HOME_VARIABLE, env_file, project_home, under_home
from pyloto_corp.infra.settings import Settings

PATH_FIELDS = ("sqlite_path", "media_local_dir", "export_local_dir")


def load_settings() -> Settings:
    """``Settings()`` read from the project's ``.env``, its local paths made absolute."""
    home = project_home()
    settings = Settings(_env_file=env_file(home))
    paths = {name: under_home(getattr(settings, name), home) for name in PATH_FIELDS}
    return settings.model_copy(update=paths)


def describe(settings: Settings) -> str:
    """One line: the project folder, the .env file (read or absent) and the database."""
    home = project_home()
    dotenv = env_file(home)
    state = "lido" if dotenv.is_file() else "não existe"
    if settings.storage_backend == "sqlite":
        database = str(Path(settings.sqlite_path))
    else:
        database = f"Firestore ({settings.firestore_database})"
    return (
        f"pasta do projeto {home} ({HOME_VARIABLE} para mudar); "
        f".env: {dotenv} ({state}); banco: {database}"
    )


def invalid_settings(exc: ValidationError) -> str:
    """The settings named (never their values: some are secrets) and where they come from."""
    names = sorted({str(error["loc"][0]).upper() for error in exc.errors() if error["loc"]})
    return (
        f"configuração inválida: {', '.join(names)} (veja o ambiente e {env_file(project_home())})"
    )


def unusable_storage(settings: Settings, exc: BaseException) -> str:
    """A file or folder the command could not open, named (database, media or exports)."""
    if isinstance(exc, OSError) and exc.filename:
        return f"não consegui usar {about(exc.filename, exc)}"
    database = settings.sqlite_path if settings.storage_backend == "sqlite" else "Firestore"
    if Path(database).is_dir():
        return f"não consegui abrir o banco {database}: é uma pasta, não um arquivo"
    return f"não consegui abrir o banco {database} ({reason(exc)})"
