"""Messages are encoded when ``push()`` is called, so bad payloads fail there, never later.

A value that cannot be JSON (a ``set``, ``bytes``, ``Decimal``, a non-``str`` dict key, an
integer beyond 64 bits) or a non-finite float (orjson would silently write ``NaN`` as
``null``) raises :class:`~queen.QueenValidationError` naming the message's position and the
path to the offending value, before anything is buffered or sent. Encoded messages are kept as
bytes and spliced into request bodies with :class:`orjson.Fragment`, so nothing is encoded
twice.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import orjson

from ._errors import client_validation_error

_NON_FINITE_MARK = b"null"  # what orjson writes for NaN and ±Infinity


def encode_item(item: Mapping[str, Any], index: int, what: str = "push()") -> bytes:
    """``item`` as JSON bytes; raise ``QueenValidationError`` if it cannot be sent faithfully."""
    try:
        encoded = orjson.dumps(item)
    except TypeError as exc:
        raise _not_json(item, index, what, exc) from None
    if _NON_FINITE_MARK in encoded:  # rare: only then walk the value to tell null from NaN
        path = _non_finite_path(item.get("payload", item), "")
        if path is not None:
            raise client_validation_error(
                f"{what}: message {index} has a non-finite number at {_describe(path)} "
                "(NaN and Infinity are not JSON; send null or a string instead)"
            )
    return encoded


def encode_items(items: Sequence[Mapping[str, Any]], what: str = "push()") -> list[bytes]:
    """Each item encoded by :func:`encode_item`."""
    return [encode_item(item, index, what) for index, item in enumerate(items)]


def items_fragment(encoded: list[bytes]) -> orjson.Fragment:
    """A JSON array of already encoded items, ready to be embedded in a request body."""
    return orjson.Fragment(b"[" + b",".join(encoded) + b"]")


def _describe(path: str) -> str:
    return f"payload{path}" if path else "the payload"


def _not_json(item: Mapping[str, Any], index: int, what: str, exc: TypeError) -> Exception:
    found = _first_unencodable(item.get("payload", item), "")
    if found is None:  # not in the payload: the ids or another field of the item
        found = _first_unencodable(dict(item), "")
        prefix = "the message"
    else:
        prefix = "payload"
    if found is None:
        return client_validation_error(f"{what}: message {index} cannot be sent as JSON: {exc}")
    path, value, reason = found
    place = f"{prefix}{path}" if path else prefix
    return client_validation_error(
        f"{what}: message {index} cannot be sent as JSON: {place} is {reason} "
        f"({_short_repr(value)})"
    )


def _children(value: Any, path: str) -> Iterator[tuple[Any, str]]:
    """``(child, path)`` of the items of a dict, list or tuple (nothing for other values)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield child, f"{path}[{key!r}]"
    elif isinstance(value, (list, tuple)):
        for position, child in enumerate(value):
            yield child, f"{path}[{position}]"


def _first_unencodable(value: Any, path: str) -> tuple[str, Any, str] | None:
    """``(path, value, reason)`` of the first part of ``value`` orjson refuses, else None."""
    try:
        orjson.dumps(value)
        return None
    except TypeError as exc:
        error = str(exc)
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                return path, key, f"a dict with a {type(key).__name__} key (JSON keys are strings)"
    for child, child_path in _children(value, path):
        found = _first_unencodable(child, child_path)
        if found is not None:
            return found
    if isinstance(value, int) and not isinstance(value, bool):
        return path, value, "an integer outside the 64-bit range JSON readers accept"
    return path, value, f"a {type(value).__name__}, which is not JSON ({error})"


def _non_finite_path(value: Any, path: str) -> str | None:
    """The path of the first NaN or ±Infinity inside ``value`` (containers only), else None."""
    if isinstance(value, float):
        return None if math.isfinite(value) else path
    for child, child_path in _children(value, path):
        found = _non_finite_path(child, child_path)
        if found is not None:
            return found
    return None


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
