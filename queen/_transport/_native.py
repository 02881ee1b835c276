"""A lean HTTP/1.1 keep-alive client on anyio streams: the default request path.

Queen speaks plain JSON over HTTP/1.1, so one request is one write (head and body together)
and one response is a status line, headers and a ``Content-Length`` or chunked body. Doing
just that keeps the client's CPU per request a fraction of a general-purpose HTTP stack's.
It runs wherever anyio runs (asyncio and trio), supports TLS, and reuses connections.
``http_backend="httpx"`` selects httpx instead (proxies, custom transports, mocking).
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import anyio
import anyio.abc

MAX_IDLE_SECONDS = 5.0  # upstream closes idle connections after 10 s
_READ_SIZE = 65536


class NotSentError(Exception):
    """The request never left this process (connect failed): safe to send elsewhere."""


class ExchangeError(Exception):
    """The connection failed after the request may have reached the server."""


@dataclass
class Answer:
    """A received response."""

    status: int
    headers: dict[str, str]
    content: bytes


@dataclass(eq=False)
class _Connection:
    stream: anyio.abc.ByteStream
    buffer: bytearray = field(default_factory=bytearray)
    last_used: float = field(default_factory=time.monotonic)
    received: bool = False

    async def aclose(self) -> None:
        with (
            anyio.CancelScope(shield=True),
            contextlib.suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError),
        ):
            await self.stream.aclose()


def encode_query(params: Mapping[str, Any] | None) -> str:
    """``?a=1&b=true`` with booleans spelled as the server expects."""
    if not params:
        return ""
    pairs = [
        (key, ("true" if value else "false") if isinstance(value, bool) else value)
        for key, value in params.items()
    ]
    return "?" + urlencode(pairs)


class NativePool:
    """Keep-alive connections to one server (``scheme://host:port``)."""

    def __init__(
        self, base_url: str, headers: Mapping[str, str], max_connections: int = 100
    ) -> None:
        parts = urlsplit(base_url)
        self.tls = parts.scheme == "https"
        self.host = parts.hostname or "localhost"
        self.port = parts.port or (443 if self.tls else 80)
        self.prefix = parts.path.rstrip("/")
        default_port = (self.tls and self.port == 443) or (not self.tls and self.port == 80)
        host_header = self.host if default_port else f"{self.host}:{self.port}"
        lines = [f"Host: {host_header}"] + [f"{k}: {v}" for k, v in headers.items()]
        self._head_tail = ("\r\n".join(lines) + "\r\n").encode("latin-1")
        self._idle: list[_Connection] = []
        self._max = max_connections
        self._limiter: anyio.CapacityLimiter | None = None
        self._ssl: ssl.SSLContext | None = None
        self._closed = False

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        body: bytes | None,
        timeout_seconds: float,
    ) -> Answer:
        """Send one request and return the answer; raise NotSentError / ExchangeError."""
        target = self.prefix + path + encode_query(params)
        head = f"{method} {target} HTTP/1.1\r\n".encode() + self._head_tail
        if body is not None or method in ("POST", "PUT", "PATCH"):
            payload = body or b""
            data = head + b"Content-Length: %d\r\n\r\n" % len(payload) + payload
        else:
            data = head + b"\r\n"
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self._max)
        async with self._limiter:
            with anyio.fail_after(timeout_seconds):
                return await self._exchange(method, data)

    async def _exchange(self, method: str, data: bytes) -> Answer:
        while self._idle:
            connection = self._idle.pop()
            if time.monotonic() - connection.last_used >= MAX_IDLE_SECONDS:
                await connection.aclose()
                continue
            try:
                return await self._round_trip(connection, method, data, reused=True)
            except _StaleConnection:
                continue  # the server had closed it without reading the request
        connection = await self._connect()
        return await self._round_trip(connection, method, data, reused=False)

    async def _connect(self) -> _Connection:
        try:
            if self.tls:
                if self._ssl is None:
                    self._ssl = ssl.create_default_context()
                stream: anyio.abc.ByteStream = await anyio.connect_tcp(
                    self.host,
                    self.port,
                    tls=True,
                    ssl_context=self._ssl,
                    tls_standard_compatible=False,
                )
            else:
                stream = await anyio.connect_tcp(self.host, self.port)
        except OSError as exc:
            raise NotSentError(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        return _Connection(stream)

    async def _round_trip(
        self, connection: _Connection, method: str, data: bytes, *, reused: bool
    ) -> Answer:
        keep = False
        connection.received = False
        try:
            try:
                await connection.stream.send(data)
                status, headers, content = await self._read_answer(connection, method)
            except (
                OSError,
                anyio.BrokenResourceError,
                anyio.EndOfStream,
                anyio.ClosedResourceError,
            ) as exc:
                if reused and not connection.received:
                    raise _StaleConnection() from exc
                raise ExchangeError(f"{type(exc).__name__}: {exc}") from exc
            keep = (
                status != 204  # upstream may put bytes after a 204: never reuse
                and headers.get("connection", "").lower() != "close"
                and not self._closed
            )
            return Answer(status, headers, content)
        finally:
            if keep:
                connection.last_used = time.monotonic()
                self._idle.append(connection)
            else:
                await connection.aclose()

    async def _fill(self, connection: _Connection) -> None:
        chunk = await connection.stream.receive(_READ_SIZE)
        connection.received = True
        connection.buffer += chunk

    async def _read_answer(
        self, connection: _Connection, method: str
    ) -> tuple[int, dict[str, str], bytes]:
        buffer = connection.buffer
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            await self._fill(connection)
            buffer = connection.buffer
        head = bytes(buffer[:end]).decode("latin-1")
        del buffer[: end + 4]
        status_line, _, header_block = head.partition("\r\n")
        try:
            status = int(status_line.split(" ", 2)[1])
        except (IndexError, ValueError) as exc:
            raise ExchangeError(f"malformed status line {status_line!r}") from exc
        headers: dict[str, str] = {}
        for line in header_block.split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if status in (204, 304) or 100 <= status < 200 or method == "HEAD":
            return status, headers, b""
        if "chunked" in headers.get("transfer-encoding", "").lower():
            return status, headers, await self._read_chunked(connection)
        length = headers.get("content-length")
        if length is not None:
            size = int(length)
            while len(connection.buffer) < size:
                await self._fill(connection)
            content = bytes(connection.buffer[:size])
            del connection.buffer[:size]
            return status, headers, content
        # no length: the body runs until the server closes the connection
        headers["connection"] = "close"
        try:
            while True:
                await self._fill(connection)
        except anyio.EndOfStream:
            pass
        content = bytes(connection.buffer)
        connection.buffer.clear()
        return status, headers, content

    async def _read_chunked(self, connection: _Connection) -> bytes:
        body = bytearray()
        while True:
            while (line_end := connection.buffer.find(b"\r\n")) < 0:
                await self._fill(connection)
            size = int(bytes(connection.buffer[:line_end]).split(b";")[0], 16)
            del connection.buffer[: line_end + 2]
            if size == 0:
                while (trailer_end := connection.buffer.find(b"\r\n")) < 0:
                    await self._fill(connection)
                # skip optional trailers up to the blank line
                while trailer_end > 0:
                    del connection.buffer[: trailer_end + 2]
                    while (trailer_end := connection.buffer.find(b"\r\n")) < 0:
                        await self._fill(connection)
                del connection.buffer[:2]
                return bytes(body)
            while len(connection.buffer) < size + 2:
                await self._fill(connection)
            body += connection.buffer[:size]
            del connection.buffer[: size + 2]

    async def aclose(self) -> None:
        """Close every idle connection."""
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            await connection.aclose()


class _StaleConnection(Exception):
    """A reused connection failed before any answer byte: the server had closed it."""
