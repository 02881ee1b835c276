"""Errors of ``queen.streams`` (part of the ``queen.QueenError`` hierarchy)."""

from __future__ import annotations

from typing import Any

from .._errors import QueenHTTPError, QueenServerError


class QueenStreamError(QueenServerError):
    """A streams call failed: the server refused a registration, a cycle or a state read.

    A refused cycle was rolled back as a whole (state, sink messages and source ack).
    """


class QueenStreamConflictError(QueenHTTPError):
    """The query exists with another operator chain (its configuration hash changed).

    Run with ``reset=True`` to wipe the query's state, or choose a new ``query_id``.
    """


class CycleRejected(QueenStreamError):
    """A cycle the server rolled back; ``state_version`` is the partition's current version."""

    def __init__(self, message: str, *, body: Any, state_version: int | None) -> None:
        super().__init__(message, status=200, body=body)
        self.state_version = state_version

    @property
    def stale_state(self) -> bool:
        """The cycle was computed from an older state version than the server's."""
        return "state version mismatch" in str(self.body.get("error") or "")
