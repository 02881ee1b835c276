"""Input checks shared by the handlers; each failure is a 400 naming the field and value."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from queen_server import names
from queen_server.ids import is_uuid
from queen_server.web import BadRequest, describe

MAX_NAME_LENGTH = names.MAX_LENGTH
MAX_INT32 = 2_147_483_647
#: largest batch accepted by push, ack/batch, transaction and pop
MAX_BATCH = 10_000

QUEUE_MODE = "__QUEUE_MODE__"


def name(value: Any, field: str, *, missing: str | None = None) -> str:
    """A queue/partition/namespace/task name every route can reach (see ``names``)."""
    if not isinstance(value, str):
        raise BadRequest(missing or f"{field} must be a string, got {describe(value)}")
    if not value:
        raise BadRequest(f"{field} must not be empty")
    reason = names.problem(value)
    if reason is not None:
        raise BadRequest(f"{field} {describe(value)} {reason}")
    return value


def optional_text(value: Any, field: str, *, limit: int = MAX_NAME_LENGTH) -> str | None:
    """A string or absent/null; too long or another type → 400."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequest(f"{field} must be a string, got {describe(value)}")
    if len(value) > limit:
        raise BadRequest(f"{field} must be at most {limit} characters, got {len(value)}")
    return value


def uuid_text(value: Any, field: str, *, missing: str | None = None) -> str:
    """A UUID in text form."""
    if not isinstance(value, str):
        raise BadRequest(missing or f"{field} must be a UUID string, got {describe(value)}")
    if not is_uuid(value):
        raise BadRequest(f"{field} must be a UUID, got {describe(value)}")
    return value.lower()


def bounded_int(value: int, field: str, *, low: int = 0, high: int = MAX_INT32) -> int:
    if value < low or value > high:
        raise BadRequest(f"{field} must be between {low} and {high}, got {value}")
    return value


def batch_size(count: int, field: str) -> None:
    if count > MAX_BATCH:
        raise BadRequest(f"{field}: at most {MAX_BATCH} entries per request, got {count}")


def timestamp(value: str) -> datetime | None:
    """An ISO 8601 timestamp (zone-less = UTC), or None when it does not parse."""
    text = value.strip()
    if not text:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed
