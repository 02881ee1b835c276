"""Types of the blocking client that differ from the async ones: messages trace blockingly."""

from __future__ import annotations

from collections.abc import Callable

from queen_generated import schemas

from ..types import TraceConfig, TraceResult

SyncTraceFunction = Callable[[TraceConfig], TraceResult]


class Message(schemas.Message):
    """A message from the blocking client's ``pop()`` / ``consume()``.

    The same fields as :class:`queen.Message`; ``trace`` is a plain (blocking) function that
    records a trace event against *this* message.
    """

    trace: SyncTraceFunction
