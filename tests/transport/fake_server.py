"""A fake HTTP server on anyio that answers each request with crafted bytes.

Requests are parsed with httptools (llhttp), so what the tests count is what a real server
would have received. Each received request takes the next :class:`Step` of the script;
``requests`` records them in order, ``connections`` counts accepted connections.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio
import anyio.abc
import httptools
from anyio.streams.tls import TLSAttribute, TLSListener


@dataclass
class Received:
    """One request as the server saw it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    connection: int


@dataclass
class Step:
    """What the server does with one request.

    ``send`` is written at once (``None``: nothing); then, in order: ``then`` is written after
    ``release`` is set (to send bytes later), ``hang`` waits forever, ``close`` closes the
    connection.
    """

    send: bytes | None = None
    close: bool = False
    hang: bool = False
    then: bytes | None = None
    release: anyio.Event | None = None


def answer(
    body: bytes,
    status: str = "200 OK",
    extra: bytes = b"",
    content_type: bytes = b"application/json",
) -> bytes:
    """A well-formed answer with a ``Content-Length``."""
    return (
        b"HTTP/1.1 " + status.encode() + b"\r\nContent-Type: " + content_type + b"\r\n" + extra
        + b"Content-Length: %d\r\n\r\n" % len(body) + body
    )  # fmt: skip


class _RequestReader:
    """httptools callbacks collecting complete requests."""

    def __init__(self) -> None:
        self.parser = httptools.HttpRequestParser(self)
        self.done: list[tuple[str, str, dict[str, str], bytes]] = []
        self._target = b""
        self._headers: dict[str, str] = {}
        self._body = bytearray()

    def on_message_begin(self) -> None:
        self._target, self._headers, self._body = b"", {}, bytearray()

    def on_url(self, url: bytes) -> None:
        self._target += url

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers[name.decode("latin-1").lower()] = value.decode("latin-1")

    def on_body(self, body: bytes) -> None:
        self._body += body

    def on_message_complete(self) -> None:
        method = self.parser.get_method().decode()
        self.done.append((method, self._target.decode(), self._headers, bytes(self._body)))


@dataclass
class FakeServer:
    """The script, and what was received."""

    script: list[Step]
    requests: list[Received] = field(default_factory=list)
    connections: int = 0
    url: str = ""
    #: what to do when the script is exhausted
    fallback: Callable[[Received], Step] | None = None
    #: over TLS: the common name of each client certificate presented (None: none)
    client_names: list[str | None] = field(default_factory=list)

    def count(self, path_part: str) -> int:
        """How many received requests have ``path_part`` in their target."""
        return sum(1 for r in self.requests if path_part in r.target)

    async def _handle(self, stream: anyio.abc.ByteStream) -> None:
        self.connections += 1
        number = self.connections
        reader = _RequestReader()
        async with stream:
            while True:
                while not reader.done:
                    try:
                        data = await stream.receive()
                    except (anyio.EndOfStream, anyio.BrokenResourceError, OSError):
                        return
                    try:
                        reader.parser.feed_data(data)
                    except httptools.HttpParserError:
                        return
                method, target, headers, body = reader.done.pop(0)
                request = Received(method, target, headers, body, number)
                self.requests.append(request)
                if self.script:
                    step = self.script.pop(0)
                elif self.fallback is not None:
                    step = self.fallback(request)
                else:
                    step = Step(send=answer(b'{"error":"script exhausted"}', "500 Oops"))
                if step.send is not None:
                    await stream.send(step.send)
                if step.release is not None:
                    await step.release.wait()
                if step.then is not None:
                    await stream.send(step.then)
                if step.hang:
                    await anyio.sleep_forever()
                if step.close:
                    return


@asynccontextmanager
async def fake_server(
    *steps: Step, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1"
) -> AsyncIterator[FakeServer]:
    """Serve ``steps`` on a free loopback port; ``server.url`` is its base URL."""
    server = FakeServer(list(steps))
    tcp = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = tcp.extra(anyio.abc.SocketAttribute.local_port)
    listener: anyio.abc.Listener[anyio.abc.ByteStream] = tcp
    if tls is not None:
        listener = TLSListener(tcp, tls, standard_compatible=False)
    server.url = f"{'https' if tls else 'http'}://{host}:{port}"

    async def serve_one(stream: anyio.abc.ByteStream) -> None:
        if tls is not None:
            peer = stream.extra(TLSAttribute.peer_certificate, None)
            subject = dict(item for part in peer["subject"] for item in part) if peer else None
            server.client_names.append(subject.get("commonName") if subject else None)
        # the client going away or failing the TLS handshake is part of some tests
        with contextlib.suppress(anyio.BrokenResourceError, anyio.ClosedResourceError, OSError):
            await server._handle(stream)

    async with listener, anyio.create_task_group() as group:
        group.start_soon(listener.serve, serve_one)
        try:
            yield server
        finally:
            group.cancel_scope.cancel()
