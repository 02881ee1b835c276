"""Window kinds: which windows an event belongs to, and when a window is due to close.

Times are integer milliseconds. An event's time comes from the ``event_time`` function when
one is given (event time: ms number, ``datetime`` or ISO string), else from the message's
``createdAt`` (processing time, stamped by the server).

* tumbling ``seconds``: ``[k·size, (k+1)·size)``; each event in exactly one window;
* sliding ``size``/``slide``: windows of ``size`` starting every ``slide`` (``size`` a multiple
  of ``slide``); each event in ``size / slide`` windows, its own first;
* cron ``every``: ``second``/``minute``/``hour``/``day``/``week`` windows aligned to the UTC
  clock (weeks start Monday 00:00 UTC);
* session ``gap``: per key, a session grows while events come less than ``gap`` apart.

Options (seconds unless the name says ms, as upstream): ``grace_period``, ``idle_flush_ms``,
``event_time``, ``allowed_lateness``, ``on_late`` (``"drop"`` or ``"include"``); the camelCase
spellings (``gracePeriod``, ``idleFlushMs``, ...) are accepted too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .._errors import QueenConfigError
from ._fn import Fn, user_fn

WindowKind = Literal["tumbling", "sliding", "session", "cron"]
LatePolicy = Literal["drop", "include"]

_CAMEL = {
    "gracePeriod": "grace_period",
    "idleFlushMs": "idle_flush_ms",
    "eventTime": "event_time",
    "allowedLateness": "allowed_lateness",
    "onLate": "on_late",
}
_COMMON = ("grace_period", "idle_flush_ms", "event_time", "allowed_lateness", "on_late")
_EVERY_MS = {
    "second": 1_000,
    "minute": 60_000,
    "hour": 3_600_000,
    "day": 86_400_000,
    "week": 7 * 86_400_000,
}
_WEEK_OFFSET_MS = 4 * 86_400_000  # 1970-01-01 was a Thursday; weeks start on Monday
#: default idle flush interval of each kind, as upstream
DEFAULT_IDLE_FLUSH_MS: dict[WindowKind, int] = {
    "tumbling": 5_000,
    "sliding": 5_000,
    "session": 1_000,
    "cron": 30_000,
}


@dataclass(frozen=True, slots=True)
class Window:
    """One window operator, validated."""

    kind: WindowKind
    #: window length (tumbling, sliding, cron) or the session gap
    size_ms: int
    #: distance between window starts (sliding); ``size_ms`` for the others
    slide_ms: int
    every: str | None
    grace_ms: int
    idle_flush_ms: int
    event_time: Fn | None
    lateness_ms: int
    on_late: LatePolicy
    #: the parameters as given, for the configuration hash and repr
    spec: tuple[tuple[str, Any], ...]

    def starts(self, t: int) -> tuple[int, ...]:
        """Start of every window containing ``t``, newest first (not for sessions)."""
        if self.kind == "sliding":
            latest = t - t % self.slide_ms
            return tuple(latest - i * self.slide_ms for i in range(self.size_ms // self.slide_ms))
        if self.every == "week":
            shifted = t - _WEEK_OFFSET_MS
            return (shifted - shifted % self.size_ms + _WEEK_OFFSET_MS,)
        return (t - t % self.size_ms,)

    def config(self) -> dict[str, Any]:
        """What changes the meaning of stored state (part of the configuration hash)."""
        return {"window": self.kind, **dict(self.spec), "eventTime": self.event_time is not None}


def _seconds(name: str, value: Any, *, positive: bool) -> int:
    """A duration in seconds (int or float) → milliseconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise QueenConfigError(f"{name} must be a number of seconds, got {value!r}")
    if value < 0 or (positive and value == 0):
        raise QueenConfigError(
            f"{name} must be {'positive' if positive else 'zero or more'}, got {value!r}"
        )
    return round(value * 1000)


def _options(kind: WindowKind, given: Mapping[str, Any], own: tuple[str, ...]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for key, value in given.items():
        name = _CAMEL.get(key, key)
        if name not in own and name not in _COMMON:
            allowed = ", ".join((*own, *_COMMON))
            raise QueenConfigError(f"window_{kind}() has no option {key!r}; options: {allowed}")
        options[name] = value
    missing = [name for name in own if name not in options]
    if missing:
        raise QueenConfigError(f"window_{kind}() needs {' and '.join(missing)}=...")
    return options


def _common(kind: WindowKind, options: dict[str, Any]) -> dict[str, Any]:
    idle = options.get("idle_flush_ms", DEFAULT_IDLE_FLUSH_MS[kind])
    if isinstance(idle, bool) or not isinstance(idle, (int, float)) or idle < 0:
        raise QueenConfigError(f"idle_flush_ms must be a number >= 0, got {idle!r}")
    on_late = options.get("on_late") or "drop"
    if on_late not in ("drop", "include"):
        raise QueenConfigError(f"on_late must be 'drop' or 'include', got {on_late!r}")
    event_time = options.get("event_time")
    return {
        "grace_ms": _seconds("grace_period", options.get("grace_period", 0), positive=False),
        "idle_flush_ms": int(idle),
        "event_time": None
        if event_time is None
        else user_fn(event_time, "event_time", arguments=1),
        "lateness_ms": _seconds(
            "allowed_lateness", options.get("allowed_lateness", 0), positive=False
        ),
        "on_late": on_late,
    }


def tumbling(options: Mapping[str, Any]) -> Window:
    """``window_tumbling(seconds=...)``."""
    given = _options("tumbling", options, ("seconds",))
    size = _seconds("seconds", given["seconds"], positive=True)
    spec = (("seconds", given["seconds"]),)
    return Window("tumbling", size, size, None, spec=spec, **_common("tumbling", given))


def sliding(options: Mapping[str, Any]) -> Window:
    """``window_sliding(size=..., slide=...)``: ``size`` a whole multiple of ``slide``."""
    given = _options("sliding", options, ("size", "slide"))
    size = _seconds("size", given["size"], positive=True)
    slide = _seconds("slide", given["slide"], positive=True)
    if size % slide:
        raise QueenConfigError(
            f"window_sliding(): size ({given['size']}) must be a whole multiple of slide "
            f"({given['slide']}), so that each event belongs to a fixed number of windows"
        )
    spec = (("size", given["size"]), ("slide", given["slide"]))
    return Window("sliding", size, slide, None, spec=spec, **_common("sliding", given))


def session(options: Mapping[str, Any]) -> Window:
    """``window_session(gap=...)``."""
    given = _options("session", options, ("gap",))
    gap = _seconds("gap", given["gap"], positive=True)
    spec = (("gap", given["gap"]),)
    return Window("session", gap, gap, None, spec=spec, **_common("session", given))


def cron(options: Mapping[str, Any]) -> Window:
    """``window_cron(every='minute')``."""
    given = _options("cron", options, ("every",))
    every = given["every"]
    if every not in _EVERY_MS:
        raise QueenConfigError(
            f"window_cron(): every must be one of {', '.join(_EVERY_MS)}, got {every!r}"
        )
    size = _EVERY_MS[every]
    spec = (("every", every),)
    return Window("cron", size, size, every, spec=spec, **_common("cron", given))
