"""Ready-made gate functions for rate limiting: ``token_bucket_gate`` and
``sliding_window_gate``. Both keep their counters in ``ctx.state`` (per key, in the server)
and read the time from ``ctx.stream_time_ms``.

Throughput of one partition is bounded by ``refill_per_sec`` and, while messages wait, by how
often they come back: a denied message returns when the source lease expires, so size
``capacity`` around ``refill_per_sec * leaseTime``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .._errors import QueenConfigError

GateFunction = Callable[[Any, Any], bool]
_NUMBERS = (int, float)  # exactly: a bool is not a number of tokens


def _positive(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise QueenConfigError(f"{name} must be a positive number, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise QueenConfigError(f"{name} must be a positive number, got {value!r}")
    return value


def _cost(cost_fn: Callable[[Any], Any], value: Any) -> float:
    """A message's cost: ``cost_fn``'s finite, non-negative number, else 1."""
    cost = cost_fn(value)
    if isinstance(cost, bool) or not isinstance(cost, (int, float)):
        return 1
    if not math.isfinite(cost) or cost < 0:
        return 1
    return cost


def _one(_value: Any) -> int:
    return 1


def token_bucket_gate(
    capacity: float,
    refill_per_sec: float,
    cost_fn: Callable[[Any], Any] = _one,
    allow_zero_cost: bool = True,
) -> GateFunction:
    """A gate allowing bursts of up to ``capacity`` and ``refill_per_sec`` on average.

    The bucket starts full; each allowed message takes its cost (``cost_fn(value)``, default
    1) in tokens; tokens come back at ``refill_per_sec``. A zero-cost message passes when
    ``allow_zero_cost`` (default). State: ``tokens``, ``lastRefillAt``, ``allowedTotal``,
    ``consumedTotal``.
    """
    full = _positive("capacity", capacity)
    rate = _positive("refill_per_sec", refill_per_sec)
    if not callable(cost_fn):
        raise QueenConfigError(f"cost_fn must be callable, got {cost_fn!r}")

    def token_bucket(value: Any, ctx: Any) -> bool:
        now = ctx.stream_time_ms
        state = ctx.state
        tokens = state.get("tokens")
        last = state.get("lastRefillAt")
        if type(tokens) not in _NUMBERS:
            tokens = full
        if type(last) not in _NUMBERS:
            last = now
        if now > last:
            tokens = min(full, tokens + (now - last) / 1000 * rate)
        state["tokens"] = tokens
        state["lastRefillAt"] = now
        cost = 1 if cost_fn is _one else _cost(cost_fn, value)
        if cost == 0:
            return allow_zero_cost
        if tokens < cost:
            return False
        state["tokens"] = tokens - cost
        state["allowedTotal"] = state.get("allowedTotal", 0) + 1
        state["consumedTotal"] = state.get("consumedTotal", 0) + cost
        return True

    return token_bucket


def sliding_window_gate(
    limit: float, window_sec: float, cost_fn: Callable[[Any], Any] = _one
) -> GateFunction:
    """A gate allowing about ``limit`` (total cost) per ``window_sec`` seconds.

    An approximation with two fixed buckets: the previous window's count weighted by how much
    of it still overlaps the sliding window, plus the current count. State: ``window``,
    ``currentCount``, ``previousCount``.
    """
    most = _positive("limit", limit)
    span_ms = _positive("window_sec", window_sec) * 1000
    if not callable(cost_fn):
        raise QueenConfigError(f"cost_fn must be callable, got {cost_fn!r}")

    def sliding_window(value: Any, ctx: Any) -> bool:
        now = ctx.stream_time_ms
        state = ctx.state
        window = math.floor(now / span_ms)
        if state.get("window") != window:
            was = state.get("window")
            state["previousCount"] = state.get("currentCount", 0) if was == window - 1 else 0
            state["currentCount"] = 0
            state["window"] = window
        elapsed = (now % span_ms) / span_ms
        estimate = (state.get("previousCount") or 0) * (1 - elapsed) + (
            state.get("currentCount") or 0
        )
        cost = _cost(cost_fn, value)
        if estimate + cost > most:
            return False
        state["currentCount"] = (state.get("currentCount") or 0) + cost
        return True

    return sliding_window
