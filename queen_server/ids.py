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
_last_ms = 0
_counter = 0

_UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


def uuid7() -> str:
    """A new UUIDv7 as canonical text."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, 0
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms, _counter = _last_ms + 1, 0
        ms, counter = _last_ms, _counter
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand
    return str(uuid.UUID(int=value))


def uuid7_batch(n: int) -> list[str]:
    """``n`` UUIDv7 ids in increasing order."""
    return [uuid7() for _ in range(n)]


def uuid4() -> str:
    return str(uuid.uuid4())


def is_uuid(value: str) -> bool:
    """Whether ``value`` is a UUID in canonical 8-4-4-4-12 hex form."""
    return bool(_UUID_RE.match(value))
