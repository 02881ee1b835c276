"""HTTP backends: the seam under the client's load balancing, failover and retries.

``Queen(url, http_backend=...)`` takes a name (``"auto"``, ``"native"``, ``"httpx"``) or an
object with ``async send(request, deadline)`` and ``async aclose()`` (:class:`HttpBackend`).
A backend sends one request to one server and reports failures as :class:`BackendError`
(``sent``: the request may have reached the server); it never resends. An object passed in
belongs to the caller: ``close()`` of the client does not close it.

* :class:`FastBackend` — the default (``"native"``): HTTP/1.1 keep-alive on anyio streams,
  parsed by httptools (llhttp);
* :class:`HttpxBackend` — httpx: proxies, custom httpx transports, respx mocking;
* :class:`MemoryBackend` — a function answers every request: for tests, no network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._transport import (
    BackendError,
    FastBackend,
    HttpBackend,
    HttpRequest,
    HttpResponse,
    Limits,
    MemoryBackend,
)

if TYPE_CHECKING:
    from ._transport._httpx import HttpxBackend

__all__ = [
    "BackendError",
    "FastBackend",
    "HttpBackend",
    "HttpRequest",
    "HttpResponse",
    "HttpxBackend",
    "Limits",
    "MemoryBackend",
]


def __getattr__(name: str) -> object:
    if name == "HttpxBackend":  # imports httpx: only when asked for
        from ._transport._httpx import HttpxBackend

        return HttpxBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
