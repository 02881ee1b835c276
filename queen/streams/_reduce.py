"""Folding a window's events: ``reduce(fn, initial)`` and ``aggregate({...})``.

Accumulators are JSON values: they are stored in the server between cycles. An accumulator
taken from the stored state is copied before the first event of a batch touches it, so a
reducer may update it in place; a batch that fails leaves the stored state as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._errors import QueenConfigError
from ._fn import Fn, awaitable, user_fn

_SCALARS = (int, float, str, bool, type(None))
#: extractor names with their own meaning; any other name is summed
AGGREGATE_KINDS = ("count", "sum", "min", "max", "avg")
_AVG_SUM = "__avg_sum"
_AVG_COUNT = "__avg_count"


def fresh(value: Any) -> Any:
    """An independent copy of a JSON-like value (scalars are shared)."""
    return value if isinstance(value, _SCALARS) else copy.deepcopy(value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Reduce:
    """``reduce(fn, initial)``: ``acc = fn(acc, value)`` per event, starting from ``initial``."""

    fn: Fn
    initial: Any

    def start(self, session: bool) -> Any:
        """A new window's accumulator (as upstream: 0 for a session without ``initial``)."""
        if self.initial is None:
            return 0 if session else None
        return fresh(self.initial)

    async def step(self, acc: Any, value: Any) -> Any:
        result = self.fn.fn(acc, value)
        if awaitable(result):
            result = await result
        return result

    def output(self, acc: Any) -> Any:
        return acc

    def config(self) -> dict[str, Any]:
        return {"hasInitial": self.initial is not None}


@dataclass(frozen=True, slots=True)
class Aggregate:
    """``aggregate({"count": f, "sum": f, "min": f, "max": f, "avg": f, other: f})``.

    Each extractor is called with the event's value. ``count`` adds the number it returns
    (anything else counts 1); ``sum`` and any other name add numbers (anything else adds 0);
    ``min``/``max`` keep the extreme of the numbers (``None`` until one is seen); ``avg`` is the
    mean of the numbers (0 until one is seen).
    """

    fields: tuple[tuple[str, Fn], ...]

    def start(self, session: bool) -> dict[str, Any]:
        acc: dict[str, Any] = {}
        for name, _ in self.fields:
            if name in ("min", "max"):
                acc[name] = None
            elif name == "avg":
                acc.update({_AVG_SUM: 0, _AVG_COUNT: 0, "avg": 0})
            else:
                acc[name] = 0
        return acc

    async def step(self, acc: dict[str, Any], value: Any) -> dict[str, Any]:
        for name, extractor in self.fields:
            v = extractor.fn(value)
            if awaitable(v):
                v = await v
            kind = type(v)
            numeric = kind is int or kind is float or (_number(v) and kind is not bool)
            if name == "count":
                acc["count"] = acc.get("count", 0) + (v if numeric else 1)
            elif not numeric:
                continue
            elif name == "sum":
                acc["sum"] = acc.get("sum", 0) + v
            elif name == "min":
                current = acc.get("min")
                if current is None or v < current:
                    acc["min"] = v
            elif name == "max":
                current = acc.get("max")
                if current is None or v > current:
                    acc["max"] = v
            elif name == "avg":
                total = acc.get(_AVG_SUM, 0) + v
                count = acc.get(_AVG_COUNT, 0) + 1
                acc[_AVG_SUM], acc[_AVG_COUNT], acc["avg"] = total, count, total / count
            else:
                acc[name] = acc.get(name, 0) + v
        return acc

    def output(self, acc: Any) -> Any:
        """The emitted value: the accumulator without its bookkeeping fields."""
        if isinstance(acc, dict) and _AVG_SUM in acc:
            return {k: v for k, v in acc.items() if k not in (_AVG_SUM, _AVG_COUNT)}
        return acc

    def config(self) -> dict[str, Any]:
        return {"fields": [name for name, _ in self.fields]}


Reducer = Reduce | Aggregate


def reduce_op(fn: Any, initial: Any) -> Reduce:
    """Validate ``reduce(fn, initial)``."""
    return Reduce(user_fn(fn, "reduce()", arguments=2), initial)


def aggregate_op(extractors: Any) -> Aggregate:
    """Validate ``aggregate({...})``."""
    if not isinstance(extractors, Mapping) or not extractors:
        raise QueenConfigError(
            "aggregate() takes a dict of named extractors, e.g. "
            f"{{'count': lambda v: 1, 'sum': lambda v: v['amount']}}, got {extractors!r}"
        )
    fields = []
    for name, fn in extractors.items():
        if not isinstance(name, str) or name.startswith("__"):
            raise QueenConfigError(f"aggregate(): field name {name!r} is not allowed")
        fields.append((name, user_fn(fn, f"aggregate() field {name!r}", arguments=1)))
    return Aggregate(tuple(fields))
