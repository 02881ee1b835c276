"""Helpers shared by the read/admin endpoints: paging, timestamps, ids, empty results.

Upstream answers an empty JSON result (``null``, ``[]``, ``{}``) on its database-backed
routes with an empty 200 body (protocol §2.4); ``maybe_empty`` reproduces that where the
transcripts show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from queen_server import validate
from queen_server.web import BadRequest, Request, Response, describe, raw_json_response

#: largest ``limit`` accepted by the listing endpoints
MAX_LIMIT = 10_000
EMPTY_RESULTS = ("null", "[]", "{}")


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    def as_json(self) -> dict[str, int]:
        return {"limit": self.limit, "offset": self.offset}


def page(request: Request, default_limit: int, *, max_limit: int = MAX_LIMIT) -> Page:
    """``limit``/``offset`` from the query string, checked (negative values → 400)."""
    limit = request.query_int("limit", default_limit)
    offset = request.query_int("offset", 0)
    if not 0 <= limit <= max_limit:
        raise BadRequest(f"limit must be between 0 and {max_limit}, got {limit}")
    if not 0 <= offset <= validate.MAX_INT32:
        raise BadRequest(f"offset must be between 0 and {validate.MAX_INT32}, got {offset}")
    return Page(limit, offset)


def timestamp_value(value: Any, field: str) -> datetime:
    """A timestamp given as text (ISO 8601; zone-less means UTC) → 400 naming the field."""
    if not isinstance(value, str):
        raise BadRequest(f"{field} must be a timestamp string, got {describe(value)}")
    parsed = validate.timestamp(value)
    if parsed is None:
        raise BadRequest(f"{field} must be an ISO 8601 timestamp, got {describe(value)}")
    return parsed


def query_timestamp(request: Request, key: str) -> datetime | None:
    """An optional timestamp query parameter (absent or empty → None)."""
    raw = request.query(key)
    if raw is None or raw == "":
        return None
    return timestamp_value(raw, key)


def query_text(request: Request, key: str) -> str | None:
    """An optional text filter (absent or empty → None)."""
    raw = request.query(key)
    return raw if raw else None


def path_uuid(request: Request, name: str) -> str:
    """A UUID path parameter (400 when it is not one)."""
    return validate.uuid_text(request.params[name], name)


def maybe_empty(text: str | None) -> Response:
    """JSON text from PostgreSQL; an empty result becomes an empty body, as upstream sends."""
    if text is None or text in EMPTY_RESULTS:
        return Response(status=200, body=b"")
    return raw_json_response(text)


def fmt_ms(value: datetime | None) -> str | None:
    """Upstream's millisecond UTC rendering, e.g. ``2026-04-26T10:59:28.267Z``."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
