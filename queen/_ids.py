"""Cheap client-side ids: UUIDv7 strings for transactionIds (time-ordered, unique).

The generator keeps its own random state and counters. A ``fork()`` copies them, so a forked
child would repeat its parent's (and its siblings') ids; the server deduplicates on
``(partition, transactionId)`` and would silently drop the repeats as duplicates. The state is
therefore reseeded from the operating system in every child right after the fork.
"""

from __future__ import annotations

import os
import random
import re
import threading
import time

_rand = random.Random()
_lock = threading.Lock()
_last_ms = 0
_seq = 0

UUID_PATTERN = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


def _reset_after_fork() -> None:
    """Give a forked child fresh randomness and counters (its lock too: it may have been held)."""
    global _lock, _last_ms, _seq
    _rand.seed(os.urandom(32))
    _lock = threading.Lock()
    _last_ms = 0
    _seq = 0


os.register_at_fork(after_in_child=_reset_after_fork)


def uuid7() -> str:
    """Return a new UUIDv7 string: 48-bit ms time, 12-bit counter, 62 random bits.

    The counter keeps ids generated within one millisecond in creation order, which the
    server also uses as the in-batch order of messages.
    """
    global _last_ms, _seq
    ms = time.time_ns() // 1_000_000
    with _lock:
        if ms <= _last_ms:
            _seq += 1
            if _seq > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _seq = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _seq = _rand.getrandbits(8)  # random start, room to count up
        seq = _seq
        low = _rand.getrandbits(62)
    # version 7 in the third group, variant 0b10 on top of the fourth
    return (
        f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-{0x7000 | seq:04x}-"
        f"{0x8000 | (low >> 48):04x}-{low & 0xFFFFFFFFFFFF:012x}"
    )


def is_uuid(value: str) -> bool:
    """True for any UUID text (any version), the only traceId form the server accepts."""
    return UUID_PATTERN.match(value) is not None
