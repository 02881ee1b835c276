"""CORS: off unless origins are configured (``--cors-origin`` / ``QUEEN_CORS_ORIGINS``).

Upstream allows every origin, so any web page a developer opens could drive a server on
their machine. Here a browser only gets CORS headers when the request's ``Origin`` is in the
allow-list (``*`` in the list allows any origin, as upstream).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_COMMON = [
    (b"access-control-allow-methods", b"GET, POST, PUT, DELETE, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type, Authorization"),
    (b"access-control-max-age", b"86400"),
]


class Cors:
    """Decides the CORS headers of an answer from the request's ``Origin``."""

    def __init__(self, origins: Iterable[str]) -> None:
        listed = [o.rstrip("/") for o in origins]
        self.any_origin = "*" in listed
        self.origins = frozenset(o.encode() for o in listed if o != "*")
        self.enabled = self.any_origin or bool(self.origins)

    def headers_for(self, scope: dict[str, Any]) -> list[tuple[bytes, bytes]] | None:
        """The headers to add, or None when the origin is not allowed (or not given)."""
        if self.any_origin:
            return [(b"access-control-allow-origin", b"*"), *_COMMON]
        origin = None
        for key, value in scope["headers"]:
            if key == b"origin":
                origin = value
                break
        if origin is None or origin not in self.origins:
            return None
        return [(b"access-control-allow-origin", origin), (b"vary", b"Origin"), *_COMMON]
