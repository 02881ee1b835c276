"""User callables: plain or ``async def``, taking one argument or two (value and context).

How many arguments to pass is decided once, from the signature, when the pipeline is built
(never by calling and catching ``TypeError``, which would also catch the function's own
errors). Results that are awaitable are awaited, so ``lambda m: some_coroutine(m)`` works.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._errors import QueenConfigError

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def takes_two(fn: Callable[..., Any]) -> bool:
    """True when ``fn`` accepts a second positional argument (the context)."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # some builtins have no signature: pass one argument
        return False
    count = 0
    for parameter in parameters:
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            return True
        if parameter.kind in _POSITIONAL:
            count += 1
    return count >= 2


_PLAIN = frozenset({int, float, str, bool, dict, list, tuple, type(None)})


def awaitable(value: Any) -> bool:
    """Whether a callable's result must be awaited (cheap for plain values)."""
    kind = type(value)
    return kind not in _PLAIN and hasattr(kind, "__await__")


@dataclass(frozen=True, slots=True)
class Fn:
    """A user callable and how to call it."""

    fn: Callable[..., Any]
    two: bool
    is_async: bool

    async def __call__(self, value: Any, context: Any = None) -> Any:
        result = self.fn(value, context) if self.two else self.fn(value)
        if awaitable(result):
            result = await result
        return result


def user_fn(fn: Any, what: str, *, arguments: int | None = None) -> Fn:
    """Wrap ``fn`` (``QueenConfigError`` if it is not callable).

    ``arguments`` forces how many arguments are passed (reducers always get two).
    """
    if not callable(fn):
        raise QueenConfigError(f"{what} needs a callable, got {fn!r}")
    two = takes_two(fn) if arguments is None else arguments == 2
    return Fn(fn, two, inspect.iscoroutinefunction(fn))
