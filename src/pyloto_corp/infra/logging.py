"""structlog configuration: JSON in Cloud Logging's shape in production, console in development.

The same processor chain (context, level, time, redaction) serves structlog and the
standard library's loggers (uvicorn, google, redis), so nothing bypasses redaction.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO

import orjson
import structlog
from structlog.typing import Processor

from pyloto_corp.infra.redaction import redact_pii

_SEVERITY = {
    "debug": "DEBUG",
    "info": "INFO",
    "warning": "WARNING",
    "warn": "WARNING",
    "error": "ERROR",
    "exception": "ERROR",
    "critical": "CRITICAL",
}


class CloudLoggingShape:
    """Rename fields to what Cloud Logging reads: severity, message and the trace link
    (trace, spanId and trace_sampled, from the request's trace context)."""

    def __init__(self, project_id: str) -> None:
        self._project_id = project_id

    def __call__(self, _logger: Any, method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        level = str(event_dict.pop("level", method)).lower()
        event_dict["severity"] = _SEVERITY.get(level, "DEFAULT")
        event_dict["message"] = event_dict.pop("event", "")
        trace_id = event_dict.pop("trace_id", None)
        span_id = event_dict.pop("span_id", None)
        sampled = event_dict.pop("trace_sampled", None)
        if trace_id and self._project_id:  # a span only means something inside its trace
            trace = f"projects/{self._project_id}/traces/{trace_id}"
            event_dict["logging.googleapis.com/trace"] = trace
            if span_id:
                event_dict["logging.googleapis.com/spanId"] = span_id
            if sampled is True:
                event_dict["logging.googleapis.com/trace_sampled"] = True
        return event_dict


def _json(event: dict[str, Any], **_: Any) -> str:
    """One JSON line (orjson: a log line is written for every step of every message)."""
    return orjson.dumps(event, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


def shared_processors() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        redact_pii,
    ]


def _renderers(json_logs: bool, project_id: str) -> list[Processor]:
    if json_logs:
        return [CloudLoggingShape(project_id), structlog.processors.JSONRenderer(_json)]
    return [structlog.dev.ConsoleRenderer(colors=False)]


def configure_logging(
    *, json_logs: bool, level: str, project_id: str = "", stream: TextIO | None = None
) -> None:
    out = stream or sys.stdout
    renderers = _renderers(json_logs, project_id)
    structlog.configure(
        processors=[*shared_processors(), *renderers],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.WriteLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[structlog.stdlib.add_logger_name, *shared_processors()],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderers],
    )
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access",):
        logging.getLogger(noisy).disabled = True
    for client in ("httpx", "httpcore"):  # their INFO lines hold request URLs (a phone searched)
        logging.getLogger(client).setLevel(max(logging.WARNING, logging.getLevelName(level)))
