"""ASGI entry point for ``uvicorn pyloto_corp.main:app`` (settings from the environment)."""

from pyloto_corp.bootstrap import build_app

app = build_app()
