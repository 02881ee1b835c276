"""JSON for state values: refused up front when it cannot be stored faithfully."""

from __future__ import annotations

import math
from typing import Any

import orjson

from .._errors import client_validation_error

_CONTAINERS = (dict, list)


def fresh(value: Any) -> Any:
    """An independent copy of a JSON value (dicts and lists copied, scalars shared)."""
    kind = type(value)
    if kind is dict:
        return {k: fresh(v) if type(v) in _CONTAINERS else v for k, v in value.items()}
    if kind is list:
        return [fresh(v) if type(v) in _CONTAINERS else v for v in value]
    return value


def snapshot(state: dict[str, Any]) -> dict[str, Any]:
    """An independent copy of a JSON object; cheap when its values are all scalars."""
    copy = state.copy()
    for value in copy.values():
        if type(value) in _CONTAINERS:
            return {k: fresh(v) for k, v in state.items()}
    return copy


def _non_finite(value: Any) -> bool:
    if type(value) is float:
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_non_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_non_finite(v) for v in value)
    return False


def dumps(value: Any, what: str) -> bytes:
    """``value`` as JSON bytes; ``QueenValidationError`` naming ``what`` when it is not JSON
    or holds NaN/Infinity (which orjson would silently write as ``null``)."""
    try:
        data = orjson.dumps(value)
    except TypeError as exc:
        raise client_validation_error(f"{what} cannot be stored as JSON: {exc}") from None
    if b"null" in data and _non_finite(value):
        raise client_validation_error(
            f"{what} holds NaN or Infinity, which JSON cannot carry; use null or a string"
        )
    return data
