"""An in-memory HTTP backend: a function answers every request, nothing touches the network.

For tests of code built on the client (and of the client's own retries, failover and load
balancing)::

    def handler(request: HttpRequest) -> HttpResponse:
        if request.origin == "http://q1:6632":
            raise BackendError("connection refused", sent=False)
        return HttpResponse.json([{"status": "queued"}])

    backend = MemoryBackend(handler)
    async with Queen(["http://q1:6632", "http://q2:6632"], http_backend=backend) as queen:
        await queen.queue("orders").push([{"data": 1}])
    assert [r.origin for r in backend.requests] == ["http://q1:6632", "http://q2:6632"]
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable

import anyio

from ._backend import BackendError, HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], "HttpResponse | Awaitable[HttpResponse]"]


class MemoryBackend:
    """Answers each request with ``handler(request)`` (a function or a coroutine function).

    The handler may raise :class:`BackendError` to play a failure (``sent=False``: refused
    before sending; ``sent=True``: lost after the server may have read it), or wait to play
    a slow server: the deadline applies as with a real backend. ``requests`` records every
    request in order.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[HttpRequest] = []
        self.closed = False

    async def send(self, request: HttpRequest, deadline: float) -> HttpResponse:
        """Record ``request`` and return the handler's answer; see :class:`HttpBackend`."""
        if self.closed:
            raise BackendError("the backend is closed", sent=False, final=True)
        self.requests.append(request)
        with anyio.CancelScope(deadline=deadline):
            answer = self.handler(request)
            if inspect.isawaitable(answer):
                answer = await answer
            if not isinstance(answer, HttpResponse):
                raise TypeError(f"the handler must return an HttpResponse, got {answer!r}")
            return answer
        raise BackendError("deadline reached while waiting for the answer", sent=True, timeout=True)

    async def aclose(self) -> None:
        """Refuse further requests."""
        self.closed = True
