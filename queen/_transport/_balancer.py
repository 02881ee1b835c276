"""Server choice: load-balancing strategies and health marking (I/O-free)."""

from __future__ import annotations

import bisect
import itertools
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Server:
    """One server URL and its health."""

    url: str
    index: int
    healthy: bool = True
    failures: int = 0
    retry_at: float = 0.0
    requests: int = 0

    def eligible(self, now: float) -> bool:
        """Healthy, or unhealthy long enough ago to be tried again."""
        return self.healthy or now >= self.retry_at


def fnv1a_32(text: str) -> int:
    """32-bit FNV-1a over the UTF-8 bytes of ``text``: a stable, well-spread hash."""
    value = 0x811C9DC5
    for byte in text.encode():
        value ^= byte
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


class Balancer:
    """Orders servers for one request: the strategy's choice first, then failover targets.

    * ``affinity``: consistent hashing of the request's key (queue/partition/group) on a ring
      of virtual nodes, so the same key keeps landing on the same server while it is healthy;
    * ``round-robin``: each request goes to the next eligible server;
    * ``session``: every request goes to one server until it fails.
    """

    def __init__(
        self,
        urls: Sequence[str],
        *,
        strategy: str = "affinity",
        ring_size: int = 128,
        retry_after_seconds: float = 5.0,
    ) -> None:
        self.servers = [Server(url, i) for i, url in enumerate(urls)]
        self.strategy = strategy
        self._retry_after = retry_after_seconds
        self._counter = itertools.count()
        self._session_index = 0
        self._session_key = uuid.uuid4().hex
        points = sorted(
            (fnv1a_32(f"{server.url}#vnode{v}"), server.index)
            for server in self.servers
            for v in range(ring_size)
        )
        self._ring_hashes = [h for h, _ in points]
        self._ring_servers = [i for _, i in points]

    def order(self, key: str | None = None) -> list[Server]:
        """All servers, best first: the chosen one, other eligible ones, then the rest."""
        servers = self.servers
        if len(servers) == 1:
            return servers
        now = time.monotonic()
        eligible = [s for s in servers if s.eligible(now)]
        if not eligible:
            eligible = servers  # everything looks down: try anyway, in order
        first = self._choose(eligible, key)
        ordered = [first]
        start = first.index
        for offset in range(1, len(servers)):
            candidate = servers[(start + offset) % len(servers)]
            if candidate in eligible:
                ordered.append(candidate)
        ordered.extend(s for s in servers if s not in ordered)
        return ordered

    def _choose(self, eligible: list[Server], key: str | None) -> Server:
        if self.strategy == "round-robin":
            return eligible[next(self._counter) % len(eligible)]
        if self.strategy == "session":
            current = self.servers[self._session_index]
            if current not in eligible:
                current = eligible[0]
                self._session_index = current.index
            return current
        allowed = {s.index for s in eligible}
        position = bisect.bisect_left(self._ring_hashes, fnv1a_32(key or self._session_key))
        size = len(self._ring_hashes)
        for step in range(size):
            index = self._ring_servers[(position + step) % size]
            if index in allowed:
                return self.servers[index]
        return eligible[0]

    def mark_failure(self, server: Server) -> None:
        """Take ``server`` out of rotation for ``retry_after`` seconds."""
        server.healthy = False
        server.failures += 1
        server.retry_at = time.monotonic() + self._retry_after

    def mark_success(self, server: Server) -> None:
        """Put ``server`` back into rotation."""
        if not server.healthy or server.failures:
            server.healthy = True
            server.failures = 0
