"""The ``queen`` logger: silent by default, informative when asked.

Library practice: the logger has only a ``NullHandler``, so nothing is printed unless the
application configures logging. What matters reaches it with context — handler failures with
their traceback, queue, partition and transactionIds (ERROR), unreachable servers with the URL
and the next retry, failed flushes and acks (WARNING) — and ``DEBUG`` shows every request.

``QUEEN_CLIENT_LOG=true`` prints every event to stderr as
``[2026-04-26T10:59:28.267966Z] [INFO] [QueueBuilder.push] {"queue":"q"}``. Those records
then stop at the ``queen`` logger (they are not also passed to the root logger's handlers),
so a program that configures logging too does not print each line twice.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from typing import Any

import orjson

DEBUG = logging.DEBUG
INFO = logging.INFO
WARNING = logging.WARNING
ERROR = logging.ERROR

logger = logging.getLogger("queen")
logger.addHandler(logging.NullHandler())

ENABLED: bool = os.environ.get("QUEEN_CLIENT_LOG", "").strip().lower() == "true"

_LEVEL_NAMES = {logging.WARNING: "WARN", logging.CRITICAL: "ERROR"}


class QueenLogFormatter(logging.Formatter):
    """``[ISO time] [LEVEL] [Component.method] {json}`` (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, tz=timezone.utc)
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        level = _LEVEL_NAMES.get(record.levelno, record.levelname)
        component = getattr(record, "component", record.name)
        line = f"[{stamp}] [{level}] [{component}] {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _install_handler() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(QueenLogFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # printed here, in this format; not a second time by the root


if ENABLED:
    _install_handler()


def _render(data: Any) -> str:
    if isinstance(data, str):
        return data
    try:
        return orjson.dumps(data, default=str).decode()
    except TypeError:
        return repr(data)


def enabled(level: int) -> bool:
    """True when an event at ``level`` would be handled (cheap: logging caches it)."""
    return logger.isEnabledFor(level)


def log_event(
    level: int, component: str, data: Any, *, exc_info: BaseException | None = None
) -> None:
    """Log ``data`` (a dict rendered as JSON, or text) for ``component`` (``Class.method``)."""
    if logger.isEnabledFor(level):
        logger.log(
            level,
            "%s",
            _render(data),
            extra={"component": component},
            exc_info=(type(exc_info), exc_info, exc_info.__traceback__) if exc_info else None,
        )


def debug(component: str, data: Any) -> None:
    """Per-request detail: shown with ``QUEEN_CLIENT_LOG=true`` or stdlib DEBUG."""
    if logger.isEnabledFor(DEBUG):
        log_event(DEBUG, component, data)


def info(component: str, data: Any) -> None:
    """Lifecycle events (client created and closed, consumer stopped, server recovered)."""
    if logger.isEnabledFor(INFO):
        log_event(INFO, component, data)


def warn(component: str, data: Any, *, exc_info: BaseException | None = None) -> None:
    """Something failed and is being retried or reported in a result (shown as ``WARN``)."""
    log_event(WARNING, component, data, exc_info=exc_info)


def error(component: str, data: Any, *, exc_info: BaseException | None = None) -> None:
    """Something failed for good, or user code raised."""
    log_event(ERROR, component, data, exc_info=exc_info)
