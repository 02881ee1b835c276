"""Identifiers: UUIDv7 message and lease ids, in upstream's layout.

48-bit Unix milliseconds, version 7, a 12-bit counter that restarts at 0 every millisecond
(so ids made in one millisecond sort in creation order), variant 10, 62 random bits.
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid

_lock = threading.Lock()
#: the newest (millisecond << 12 | counter) handed out
_last = 0

_UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
#: first hex digit of the fourth group: variant bits 10 and two random bits
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
#: the 12-bit counter as three hex digits
_COUNTER_HEX = [f"{i:03x}" for i in range(4096)]


def _reserve(n: int) -> int:
    """Reserve ``n`` consecutive (millisecond, counter) pairs, packed as ``ms << 12 | counter``.

    The counter restarts at 0 every millisecond; when it runs out, the ids borrow the next
    millisecond, so ids never repeat and always increase."""
    global _last
    with _lock:
        now = (time.time_ns() // 1_000_000) << 12
        first = now if now > _last else _last + 1
        _last = first + n - 1
    return first


def uuid7() -> str:
    """A new UUIDv7 as canonical text."""
    return uuid7_batch(1)[0]


def uuid7_batch(n: int) -> list[str]:
    """``n`` UUIDv7 ids in increasing order (formatted as text directly: no UUID objects)."""
    first = _reserve(n)
    rand = os.urandom(8 * n).hex()
    variant = _VARIANT
    counter_hex = _COUNTER_HEX
    out: list[str] = []
    append = out.append
    done = 0
    while done < n:  # one round per millisecond the ids span
        packed = first + done
        counter = packed & 0xFFF
        stamp = f"{packed >> 12:012x}"
        prefix = f"{stamp[:8]}-{stamp[8:]}-7"
        count = min(n - done, 4096 - counter)
        for o in range(16 * done, 16 * (done + count), 16):
            append(
                f"{prefix}{counter_hex[counter]}-{variant[rand[o]]}{rand[o + 1 : o + 4]}-"
                f"{rand[o + 4 : o + 16]}"
            )
            counter += 1
        done += count
    return out


def uuid4() -> str:
    return str(uuid.uuid4())


def is_uuid(value: str) -> bool:
    """Whether ``value`` is a UUID in canonical 8-4-4-4-12 hex form."""
    return bool(_UUID_RE.match(value))
