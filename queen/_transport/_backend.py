"""The HTTP backend seam: what the transport needs from an HTTP client, and nothing more.

A backend sends one request to one server within a deadline and hands back the status,
headers and body; it never chooses servers, retries or resends. When it fails it raises
:class:`BackendError` telling whether the request may have reached the server, so the
transport above can decide, once for every backend, whether sending it again is safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import orjson

#: Defaults of the limits on what a server may send (see :class:`Limits`).
MAX_HEADER_BYTES = 64 * 1024
MAX_HEADER_COUNT = 128
MAX_BODY_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on one answer: header bytes, header lines and body bytes.

    Exceeding one fails the request with a :class:`BackendError` naming the limit.
    """

    max_header_bytes: int = MAX_HEADER_BYTES
    max_header_count: int = MAX_HEADER_COUNT
    max_body_bytes: int = MAX_BODY_BYTES

    def header_bytes_exceeded(self) -> BackendError:
        return BackendError(
            f"the answer's headers exceed max_response_header_bytes={self.max_header_bytes}",
            sent=True,
            final=True,
        )

    def header_count_exceeded(self, count: int) -> BackendError:
        return BackendError(
            f"the answer has {count} headers, more than the limit of {self.max_header_count}",
            sent=True,
            final=True,
        )

    def body_exceeded(self) -> BackendError:
        return BackendError(
            f"the answer's body exceeds max_response_body_bytes={self.max_body_bytes}",
            sent=True,
            final=True,
        )


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """One request to one server.

    ``origin`` is ``scheme://host[:port]``; ``target`` the path (with any base path of the
    server URL) and the encoded query; ``headers`` exclude ``Host`` and ``Content-Length``,
    which the backend adds.
    """

    method: str
    origin: str
    target: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None

    @property
    def url(self) -> str:
        """The full URL."""
        return self.origin + self.target


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A final answer (never a 1xx): status, headers with lower-case names, and the body."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @classmethod
    def json(cls, data: Any, status: int = 200) -> HttpResponse:
        """An answer carrying ``data`` as JSON (handy with :class:`MemoryBackend`)."""
        return cls(status, {"content-type": "application/json"}, orjson.dumps(data))


class BackendError(Exception):
    """A request got no usable answer.

    ``sent``: the request may have reached the server (False only when it certainly did
    not, e.g. the connection was refused). ``final``: sending it again cannot help (a
    certificate that does not verify, an answer beyond the limits). ``timeout``: the deadline
    passed. ``stale``: a reused keep-alive connection was closed by the server before any
    answer byte — usually an idle connection the server had just dropped, but the server may
    also have read the request.
    """

    def __init__(
        self,
        message: str,
        *,
        sent: bool,
        final: bool = False,
        timeout: bool = False,
        stale: bool = False,
    ) -> None:
        super().__init__(message)
        self.sent = sent
        self.final = final
        self.timeout = timeout
        self.stale = stale


@runtime_checkable
class HttpBackend(Protocol):
    """What the transport needs from an HTTP client.

    ``send`` must finish by ``deadline`` (on the ``anyio.current_time()`` clock), waiting
    for a free connection included, and raise :class:`BackendError` for every failure that
    is not the caller's own cancellation. It must never send a request twice.
    """

    async def send(self, request: HttpRequest, deadline: float) -> HttpResponse:
        """Send ``request`` and return the final answer."""
        ...

    async def aclose(self) -> None:
        """Close every connection."""
        ...
