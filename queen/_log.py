"""Opt-in client logging: ``QUEEN_CLIENT_LOG=true`` prints one line per event.

Lines look like ``[2026-04-26T10:59:28.267966Z] [INFO] [QueueBuilder.push] {"queue": "q"}``
and go through the standard :mod:`logging` logger ``queen``. Without the variable the logger
only has a ``NullHandler``, so the library stays silent unless the application configures
logging itself.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from typing import Any

import orjson

logger = logging.getLogger("queen")
logger.addHandler(logging.NullHandler())

ENABLED: bool = os.environ.get("QUEEN_CLIENT_LOG", "").strip().lower() == "true"

_LEVEL_NAMES = {logging.WARNING: "WARN", logging.CRITICAL: "ERROR"}


class QueenLogFormatter(logging.Formatter):
    """``[ISO time] [LEVEL] [Component.method] {json}``."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, tz=timezone.utc)
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        level = _LEVEL_NAMES.get(record.levelno, record.levelname)
        component = getattr(record, "component", record.name)
        return f"[{stamp}] [{level}] [{component}] {record.getMessage()}"


def _install_handler() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(QueenLogFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


if ENABLED:
    _install_handler()


def _render(data: Any) -> str:
    if isinstance(data, str):
        return data
    try:
        return orjson.dumps(data, default=str).decode()
    except TypeError:
        return repr(data)


def log(level: int, component: str, data: Any) -> None:
    """Log ``data`` (a dict rendered as JSON, or text) for ``component`` (``Class.method``)."""
    if logger.isEnabledFor(level):
        logger.log(level, "%s", _render(data), extra={"component": component})


def info(component: str, data: Any) -> None:
    """Log at INFO level; a no-op unless the ``queen`` logger is enabled for INFO."""
    if ENABLED:
        log(logging.INFO, component, data)


def warn(component: str, data: Any) -> None:
    """Log at WARNING level (shown as ``WARN``)."""
    log(logging.WARNING, component, data)


def error(component: str, data: Any) -> None:
    """Log at ERROR level."""
    log(logging.ERROR, component, data)
