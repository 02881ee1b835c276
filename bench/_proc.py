"""CPU seconds of a process tree, read from ``/proc`` (Linux). No project imports: the peers'
runner, which runs in another virtualenv, uses it too."""

from __future__ import annotations

import os

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process and of its reaped children)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            text = f.read().decode(errors="replace")
    except OSError:
        return None
    # the command name may hold spaces and parentheses: the fields start after the last ')'
    fields = text[text.rindex(")") + 2 :].split()
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    return int(fields[1]), ticks / _TICK


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by ``root`` and every descendant, live or
    exited (an exited child's time is in its parent's reaped-children counters)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None:
                stats[int(entry)] = found
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
        todo.extend(children.get(pid, ()))
    return total


def parent_of(pid: int) -> int:
    found = _stat(pid)
    if found is None:
        raise ProcessLookupError(pid)
    return found[0]
