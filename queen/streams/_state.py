"""A query's state on one source partition, as the runner keeps it between cycles.

Stored in the server as key/value rows (``/streams/v1/state/get`` and the cycles' state
operations); the runner parses them once into the structures below and keeps them while the
server's state version says they are current.

Keys: ``w\\x1f<windowStart>\\x1f<key>`` (a window's accumulator), ``s\\x1f<key>`` (a key's open
session), ``g\\x1f<key>`` (a gate's state for a key), ``__wm__`` (the event-time watermark).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEP = "\x1f"
WINDOW = "w" + SEP
SESSION = "s" + SEP
GATE = "g" + SEP
WATERMARK = "__wm__"
NO_TIME = float("-inf")

WindowKey = tuple[int, str]  # (window start, key)


class WindowAcc:
    """An open window of one key."""

    __slots__ = ("acc", "end", "start")

    def __init__(self, acc: Any, start: int, end: int) -> None:
        self.acc = acc
        self.start = start
        self.end = end

    def stored(self) -> dict[str, Any]:
        return {"acc": self.acc, "windowStart": self.start, "windowEnd": self.end}


class Session:
    """An open session of one key: ``[start, last + gap)`` so far."""

    __slots__ = ("acc", "last", "start")

    def __init__(self, acc: Any, start: int, last: int) -> None:
        self.acc = acc
        self.start = start
        self.last = last

    def stored(self, gap_ms: int) -> dict[str, Any]:
        return {
            "acc": self.acc,
            "sessionStart": self.start,
            "lastEventTime": self.last,
            "windowEnd": self.last + gap_ms,
        }


@dataclass
class Changes:
    """What a cycle changes; ``None`` deletes."""

    windows: dict[WindowKey, WindowAcc | None] = field(default_factory=dict)
    sessions: dict[str, Session | None] = field(default_factory=dict)
    gates: dict[str, dict[str, Any]] = field(default_factory=dict)
    watermark: float | None = None

    def __len__(self) -> int:
        return (
            len(self.windows) + len(self.sessions) + len(self.gates) + (self.watermark is not None)
        )

    def ops(self, gap_ms: int) -> list[dict[str, Any]]:
        """The cycle's ``state_ops``."""
        ops: list[dict[str, Any]] = []
        for (start, key), window in self.windows.items():
            name = f"{WINDOW}{start}{SEP}{key}"
            if window is None:
                ops.append({"type": "delete", "key": name})
            else:
                ops.append({"type": "upsert", "key": name, "value": window.stored()})
        for key, session in self.sessions.items():
            if session is None:
                ops.append({"type": "delete", "key": SESSION + key})
            else:
                ops.append(
                    {"type": "upsert", "key": SESSION + key, "value": session.stored(gap_ms)}
                )
        for key, state in self.gates.items():
            ops.append({"type": "upsert", "key": GATE + key, "value": state})
        if self.watermark is not None:
            ops.append(
                {"type": "upsert", "key": WATERMARK, "value": {"eventTimeMs": self.watermark}}
            )
        return ops


class PartitionState:
    """The parsed state of one (query, partition) and the version it was read at.

    ``version`` is None when the server reports none (upstream's server): the state is then
    read afresh before every cycle instead of being kept.
    """

    __slots__ = ("gates", "sessions", "version", "watermark", "windows")

    def __init__(self, version: int | None) -> None:
        self.version = version
        self.windows: dict[WindowKey, WindowAcc] = {}
        self.sessions: dict[str, Session] = {}
        self.gates: dict[str, dict[str, Any]] = {}
        self.watermark: float = NO_TIME

    @classmethod
    def load(cls, rows: dict[str, Any], version: int | None) -> PartitionState:
        state = cls(version)
        for name, value in rows.items():
            if not isinstance(value, dict):
                continue
            if name.startswith(WINDOW):
                start_text, _, key = name[len(WINDOW) :].partition(SEP)
                start, end = value.get("windowStart"), value.get("windowEnd")
                if isinstance(start, int) and isinstance(end, int) and start_text == str(start):
                    state.windows[(start, key)] = WindowAcc(value.get("acc"), start, end)
            elif name.startswith(SESSION):
                start, last = value.get("sessionStart"), value.get("lastEventTime")
                if isinstance(start, int) and isinstance(last, int):
                    state.sessions[name[len(SESSION) :]] = Session(value.get("acc"), start, last)
            elif name.startswith(GATE):
                state.gates[name[len(GATE) :]] = value
            elif name == WATERMARK and isinstance(value.get("eventTimeMs"), (int, float)):
                state.watermark = value["eventTimeMs"]
        return state

    def apply(self, changes: Changes, version: int | None) -> None:
        """Make a committed cycle's changes part of this state."""
        for window_key, window in changes.windows.items():
            if window is None:
                self.windows.pop(window_key, None)
            else:
                self.windows[window_key] = window
        for key, session in changes.sessions.items():
            if session is None:
                self.sessions.pop(key, None)
            else:
                self.sessions[key] = session
        self.gates.update(changes.gates)
        if changes.watermark is not None:
            self.watermark = changes.watermark
        self.version = version

    @property
    def empty(self) -> bool:
        return not (self.windows or self.sessions or self.gates)

    def next_close(self, grace_ms: int, gap_ms: int) -> float:
        """The earliest clock time at which an open window or session closes."""
        due = float("inf")
        for window in self.windows.values():
            due = min(due, window.end + grace_ms)
        for session in self.sessions.values():
            due = min(due, session.last + gap_ms + grace_ms)
        return due
