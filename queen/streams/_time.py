"""Timestamps as the streaming runtime uses them: integer milliseconds since the epoch, UTC."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Any

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MS = timedelta(milliseconds=1)
_last: tuple[str, int] = ("", 0)  # messages of one push share their createdAt


def parse_iso_ms(text: str) -> int | None:
    """``2026-04-26T10:59:28.267966Z`` → milliseconds (floor); None when it does not parse.

    A timestamp without a zone is UTC.
    """
    global _last
    last_text, last_ms = _last
    if text == last_text:
        return last_ms
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    ms = (moment - _EPOCH) // _MS
    _last = (text, ms)
    return ms


def to_ms(value: Any) -> int | None:
    """An event time as milliseconds: a number (already ms), a ``datetime``, an ISO string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return math.floor(value) if math.isfinite(value) else None
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return (moment - _EPOCH) // _MS
    if isinstance(value, str):
        return parse_iso_ms(value)
    return None


def iso_ms(ms: int) -> str:
    """Milliseconds → ``2026-04-26T10:59:28.267Z`` (always three decimals, UTC)."""
    moment = _EPOCH + timedelta(milliseconds=ms)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
