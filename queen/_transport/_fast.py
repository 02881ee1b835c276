"""The default HTTP backend: HTTP/1.1 keep-alive over anyio streams, parsed by httptools.

httptools wraps llhttp, the parser of Node.js and uvicorn, which is fuzzed continuously;
nothing here parses HTTP by hand. This module only frames: it writes each request in one
piece (head and body pre-encoded), feeds what arrives to the parser, skips 1xx answers,
enforces the size limits and the deadline, and reuses a connection only when its answer
was read completely and nothing else arrived on it.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import time
from urllib.parse import urlsplit

import anyio
import anyio.abc
import httptools

from ._backend import BackendError, HttpRequest, HttpResponse, Limits

#: idle keep-alive connections older than this are closed instead of reused (upstream
#: servers drop idle connections after 10 s)
MAX_IDLE_SECONDS = 5.0
#: a server sending more 1xx answers than this before the final one is refused
MAX_INFORMATIONAL = 16
_READ_SIZE = 65536
_CLOSED = (
    anyio.EndOfStream,
    anyio.BrokenResourceError,
    anyio.ClosedResourceError,
    OSError,  # includes ssl.SSLError
)


class _Answer:
    """httptools callbacks for one connection: collects the current answer."""

    __slots__ = (
        "body",
        "body_size",
        "complete",
        "extra",
        "framed",
        "head_pending",
        "header_bytes",
        "headers",
        "headers_done",
        "informational",
        "keep_alive",
        "limits",
        "parser",
        "status",
        "until_close",
    )

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.parser = httptools.HttpResponseParser(self)
        self.informational = 0
        self.extra = False
        self.reset()

    def reset(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.header_bytes = 0
        self.head_pending = 0  # bytes received while the head was incomplete
        self.headers_done = False
        self.body: list[bytes] = []
        self.body_size = 0
        self.framed = False  # Content-Length or chunked: the parser knows where it ends
        self.until_close = False  # neither: the body runs until the server closes
        self.complete = False
        self.keep_alive = False

    # --- httptools callbacks ---------------------------------------------------------------
    def on_message_begin(self) -> None:
        if self.complete:
            self.extra = True  # bytes after the answer: never reuse this connection
            raise _Stop()

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_bytes += len(name) + len(value) + 4
        if self.header_bytes > self.limits.max_header_bytes:
            raise self.limits.header_bytes_exceeded()
        self.headers.append((name, value))
        if len(self.headers) > self.limits.max_header_count:
            raise self.limits.header_count_exceeded(len(self.headers))

    def on_headers_complete(self) -> None:
        self.headers_done = True
        status = self.parser.get_status_code()
        self.status = status
        if status < 200 or status in (204, 304):
            return
        for name, value in self.headers:
            lowered = name.lower()
            if lowered == b"content-length" or (
                lowered == b"transfer-encoding" and b"chunked" in value.lower()
            ):
                self.framed = True
                return
        self.until_close = True

    def on_body(self, body: bytes) -> None:
        self.body_size += len(body)
        if self.body_size > self.limits.max_body_bytes:
            raise self.limits.body_exceeded()
        self.body.append(body)

    def on_message_complete(self) -> None:
        if self.status < 200:  # 1xx: an interim answer, the final one follows
            self.informational += 1
            if self.informational > MAX_INFORMATIONAL:
                raise BackendError(
                    f"more than {MAX_INFORMATIONAL} informational (1xx) answers", sent=True
                )
            self.reset()
            return
        self.complete = True
        self.keep_alive = self.parser.should_keep_alive()  # llhttp forgets it afterwards

    # --- reading ---------------------------------------------------------------------------
    def feed(self, data: bytes) -> None:
        """Parse ``data``; raise :class:`BackendError` on anything malformed or too large."""
        if not self.headers_done:
            self.head_pending += len(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            cause = exc.__context__
            if isinstance(cause, _Stop):
                return
            if isinstance(cause, BackendError):
                raise cause from None
            raise BackendError(f"malformed answer: {exc}", sent=True) from exc
        except httptools.HttpParserUpgrade as exc:
            raise BackendError(
                f"the server switched protocols (HTTP {self.status or 101}); Queen speaks "
                "plain HTTP/1.1",
                sent=True,
            ) from exc
        except httptools.HttpParserError as exc:
            if self.complete:
                self.extra = True  # garbage after a complete answer
                return
            raise BackendError(f"malformed answer: {exc}", sent=True) from exc
        if not self.headers_done and self.head_pending > self.limits.max_header_bytes:
            # a head that never ends (one endless header line): bound what the parser buffers
            raise self.limits.header_bytes_exceeded()

    def response(self) -> HttpResponse:
        headers: dict[str, str] = {}
        for name, value in self.headers:
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        body = self.body[0] if len(self.body) == 1 else b"".join(self.body)
        return HttpResponse(self.status, headers, body)


class _Stop(Exception):
    """Raised from a callback to stop parsing at the end of the answer."""


class _Connection:
    __slots__ = ("answer", "last_used", "socket", "stream")

    def __init__(self, stream: anyio.abc.ByteStream, limits: Limits) -> None:
        self.stream = stream
        self.answer = _Answer(limits)
        self.last_used = time.monotonic()
        raw = stream.extra(anyio.abc.SocketAttribute.raw_socket, None)
        self.socket: socket.socket | None = raw

    def idle_and_clean(self) -> bool:
        """Still usable: not too old, and the server sent nothing (no bytes, no close)."""
        if time.monotonic() - self.last_used >= MAX_IDLE_SECONDS:
            return False
        if self.socket is None:
            return True
        try:
            readable, _, _ = select.select([self.socket], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    async def aclose(self) -> None:
        with anyio.CancelScope(shield=True), contextlib.suppress(*_CLOSED):
            await self.stream.aclose()


class _Progress:
    """How far one request got, for honest error messages and the resend decision."""

    __slots__ = ("phase", "sent")

    def __init__(self) -> None:
        self.phase = "waiting for a free connection"
        self.sent = False


class _Pool:
    """Keep-alive connections to one origin."""

    def __init__(
        self,
        origin: str,
        max_connections: int,
        limits: Limits,
        ssl_context: ssl.SSLContext | None,
    ) -> None:
        parts = urlsplit(origin)
        self.tls = parts.scheme == "https"
        self.host = parts.hostname or "localhost"
        self.port = parts.port or (443 if self.tls else 80)
        self.host_line = f"Host: {parts.netloc}\r\n".encode("latin-1")
        self.max_connections = max_connections
        self.limits = limits
        self.ssl_context = ssl_context
        self.idle: list[_Connection] = []
        self.closed = False
        self._slots: anyio.Semaphore | None = None

    async def exchange(self, data: bytes, progress: _Progress) -> HttpResponse:
        if self._slots is None:
            self._slots = anyio.Semaphore(self.max_connections)
        async with self._slots:
            connection: _Connection | None = None
            while self.idle:
                candidate = self.idle.pop()
                if candidate.idle_and_clean():
                    connection = candidate
                    break
                await candidate.aclose()
            reused = connection is not None
            if connection is None:
                progress.phase = "connecting"
                connection = await self._connect()
            progress.phase = "sending the request"
            progress.sent = True
            keep = False
            try:
                answer = connection.answer
                answer.reset()
                answer.informational = 0
                try:
                    await connection.stream.send(data)
                except _CLOSED as exc:
                    raise BackendError(
                        f"the connection failed while sending: {_describe(exc)}",
                        sent=True,
                        stale=reused,
                    ) from exc
                progress.phase = "waiting for the answer"
                received = False
                while not answer.complete:
                    try:
                        chunk = await connection.stream.receive(_READ_SIZE)
                    except anyio.EndOfStream:
                        if answer.until_close:
                            break  # the body ran until the server closed: complete
                        raise _closed_early(answer, received, reused) from None
                    except _CLOSED as exc:
                        if not received:
                            raise _closed_early(answer, received, reused, exc) from exc
                        raise BackendError(
                            f"the connection failed while reading the answer: {_describe(exc)}",
                            sent=True,
                        ) from exc
                    received = True
                    progress.phase = "reading the answer"
                    answer.feed(chunk)
                response = answer.response()
                keep = (
                    answer.complete
                    and not answer.extra
                    and response.status != 204  # upstream may put bytes after a 204
                    and answer.keep_alive
                    and not self.closed
                )
                return response
            finally:
                if keep:
                    connection.last_used = time.monotonic()
                    self.idle.append(connection)
                else:
                    await connection.aclose()

    async def _connect(self) -> _Connection:
        try:
            if self.tls:
                stream: anyio.abc.ByteStream = await anyio.connect_tcp(
                    self.host,
                    self.port,
                    ssl_context=self.ssl_context,
                    tls_hostname=self.host,
                    tls_standard_compatible=False,
                )
            else:
                stream = await anyio.connect_tcp(self.host, self.port)
        except ssl.SSLCertVerificationError as exc:
            raise BackendError(
                f"TLS certificate verification failed: {exc.verify_message or exc}",
                sent=False,
                final=True,
            ) from exc
        except ssl.SSLError as exc:
            raise BackendError(f"TLS handshake failed: {exc}", sent=False, final=True) from exc
        except (OSError, anyio.BrokenResourceError) as exc:
            raise BackendError(f"cannot connect: {_describe(exc)}", sent=False) from exc
        if not self.tls:
            with contextlib.suppress(OSError):
                raw = stream.extra(anyio.abc.SocketAttribute.raw_socket)
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _Connection(stream, self.limits)

    async def aclose(self) -> None:
        self.closed = True
        idle, self.idle = self.idle, []
        for connection in idle:
            await connection.aclose()


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _closed_early(
    answer: _Answer, received: bool, reused: bool, exc: BaseException | None = None
) -> BackendError:
    if not received and answer.status == 0:
        if reused:
            return BackendError(
                "the server closed a reused keep-alive connection without answering",
                sent=True,
                stale=True,
            )
        detail = f" ({_describe(exc)})" if exc is not None else ""
        return BackendError(
            f"the server closed the connection without answering{detail}", sent=True
        )
    where = "in the middle of the body" if answer.status else "in the middle of the headers"
    return BackendError(f"the server closed the connection {where}", sent=True)


def encode_head(method: str, target: str, host_line: bytes, headers: bytes) -> bytes:
    """The request line and headers, up to (not including) ``Content-Length``."""
    return f"{method} {target} HTTP/1.1\r\n".encode("latin-1") + host_line + headers


class FastBackend:
    """HTTP/1.1 keep-alive connections over anyio streams, parsed by httptools (llhttp).

    ``max_connections`` per server; ``ssl_context`` for ``https://`` servers (the system's
    CAs when not given); ``limits`` bound what a server may send.
    """

    def __init__(
        self,
        *,
        max_connections: int = 100,
        ssl_context: ssl.SSLContext | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.max_connections = max_connections
        self.limits = limits or Limits()
        self._ssl_context = ssl_context
        self._pools: dict[str, _Pool] = {}
        self._headers_key: tuple[tuple[str, str], ...] | None = None
        self._headers_block = b""
        self._closed = False

    def _pool(self, origin: str) -> _Pool:
        pool = self._pools.get(origin)
        if pool is None:
            context = self._ssl_context
            if context is None and origin.startswith("https:"):
                context = self._ssl_context = ssl.create_default_context()
            pool = self._pools[origin] = _Pool(origin, self.max_connections, self.limits, context)
        return pool

    def _encode(self, request: HttpRequest, pool: _Pool) -> bytes:
        headers = request.headers
        if headers is not self._headers_key:  # the transport passes the same tuple each time
            for name, value in headers:
                if any(c in name + value for c in "\r\n\0") or not name:
                    raise BackendError(
                        f"invalid header {name!r}: {value!r}", sent=False, final=True
                    )
            self._headers_block = "".join(f"{k}: {v}\r\n" for k, v in headers).encode("latin-1")
            self._headers_key = headers
        if any(c in request.target for c in " \r\n\0"):
            raise BackendError(f"invalid request target {request.target!r}", sent=False, final=True)
        head = encode_head(request.method, request.target, pool.host_line, self._headers_block)
        body = request.body
        if body is not None or request.method in ("POST", "PUT", "PATCH"):
            payload = body or b""
            return head + b"Content-Length: %d\r\n\r\n" % len(payload) + payload
        return head + b"\r\n"

    async def send(self, request: HttpRequest, deadline: float) -> HttpResponse:
        """Send ``request`` over a pooled connection; see :class:`HttpBackend`."""
        if self._closed:
            raise BackendError("the backend is closed", sent=False, final=True)
        pool = self._pool(request.origin)
        data = self._encode(request, pool)
        progress = _Progress()
        with anyio.CancelScope(deadline=deadline):
            return await pool.exchange(data, progress)
        raise BackendError(
            f"deadline reached while {progress.phase}", sent=progress.sent, timeout=True
        )

    async def aclose(self) -> None:
        """Close every idle connection; connections in use close when their answer is read."""
        self._closed = True
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()
