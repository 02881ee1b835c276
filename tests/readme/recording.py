"""An HTTP backend that records what a block's client sent and what the server answered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from queen.backends import FastBackend, HttpRequest, HttpResponse


@dataclass(frozen=True)
class Exchange:
    """One request of the block and its answer, bodies parsed."""

    method: str
    path: str  # without the query string
    query: str
    body: Any
    status: int
    answer: Any

    def __str__(self) -> str:
        return f"{self.method} {self.path}{'?' + self.query if self.query else ''} -> {self.status}"


def _json(data: bytes | None) -> Any:
    if not data:
        return None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return data.decode("utf-8", "replace")


class RecordingBackend:
    """Sends each request on a connection of its own and records it with its answer.

    A connection per request keeps the backend free of state tied to an event loop, so one
    instance serves the async client (asyncio or trio) and the blocking client's loop thread
    alike and needs no closing.
    """

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    async def send(self, request: HttpRequest, deadline: float) -> HttpResponse:
        backend = FastBackend(max_connections=1)
        try:
            answer = await backend.send(request, deadline)
        finally:
            await backend.aclose()
        path, _, query = request.target.partition("?")
        self.exchanges.append(
            Exchange(
                request.method, path, query, _json(request.body), answer.status, _json(answer.body)
            )
        )
        return answer

    async def aclose(self) -> None:
        return None

    def to(self, method: str, path: str, *, exact: bool = False) -> list[Exchange]:
        """The exchanges with this method whose path is, or starts with, ``path``."""
        return [
            e
            for e in self.exchanges
            if e.method == method and (e.path == path if exact else e.path.startswith(path))
        ]
