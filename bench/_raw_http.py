"""The client's default HTTP backend used raw (no balancer, no retries) as a load generator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import anyio

from queen._transport import encode_query
from queen.backends import FastBackend, HttpRequest, HttpResponse

HEADERS = (("Content-Type", "application/json"),)


class RawClient:
    """Requests to one server through :class:`FastBackend`, with the client's hot path."""

    def __init__(self, url: str, max_connections: int = 100) -> None:
        self.origin = url.rstrip("/")
        self.backend = FastBackend(max_connections=max_connections)

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        body: bytes | None,
        timeout_seconds: float,
    ) -> HttpResponse:
        request = HttpRequest(method, self.origin, path + encode_query(params), HEADERS, body)
        return await self.backend.send(request, anyio.current_time() + timeout_seconds)

    async def aclose(self) -> None:
        await self.backend.aclose()
