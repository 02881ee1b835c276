"""uvicorn's httptools protocol with limits on the request head, writing each answer at once.

uvicorn bounds nothing of the head under httptools (its ``h11_max_incomplete_event_size``
only applies to h11) and arms no timer before a connection's first request. This subclass
answers ``431`` when the request line and headers exceed ``max_header_bytes`` or there are
more than ``max_headers`` header lines, and ``408`` when a head is not complete within
``header_timeout`` seconds of its first byte (or of the connection's opening); each closes
the connection. Each answer's head and body leave in one write (``OneWriteCycle``).
"""

from __future__ import annotations

import asyncio
import logging
from asyncio import TimerHandle
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import (
    HEADER_RE,
    HEADER_VALUE_RE,
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)

from queen_server.config import Limits

log = logging.getLogger("queen_server")


class _HeadRejected(Exception):
    """Raised from a parser callback to stop parsing a head that broke a limit."""


class _HeldHead:
    """Stands in for a connection's transport while an answer's head waits for its body: the
    first write (the head) is held, the next one sends both at once, later ones pass through."""

    __slots__ = ("head", "released", "transport")

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.head: bytes | None = None
        self.released = False

    def write(self, data: bytes) -> None:
        if not self.released:
            if self.head is None:
                self.head = data
                return
            data = self.head + data
            self.head = None
            self.released = True
        self.transport.write(data)

    def flush(self) -> None:
        """Send a head still held (the body never came)."""
        if not self.released:
            self.released = True
            if self.head is not None:
                head, self.head = self.head, None
                self.transport.write(head)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def is_closing(self) -> bool:
        return self.transport.is_closing()


class OneWriteCycle(RequestResponseCycle):
    """uvicorn's request cycle, writing an answer's head together with its first body part.

    uvicorn writes the head as soon as the application sends ``http.response.start``: one
    system call and one TCP segment for the head, another for the body, and a client that
    wakes up twice. Held until the first body part, both leave in one write (before uvicorn
    goes on to finish the response, which may close the connection)."""

    _held: _HeldHead | None = None

    async def send(self, message: Any) -> None:
        if message["type"] == "http.response.start" and not self.response_started:
            real = self.transport
            held = _HeldHead(real)
            self.transport = held  # type: ignore[assignment]
            self._held = held
            try:
                await super().send(message)
            except BaseException:
                self.transport = real
                self._held = None
                held.flush()
                raise
            return
        holding = self._held
        try:
            await super().send(message)
        finally:
            if holding is not None:
                self.transport = holding.transport
                self._held = None
                holding.flush()

    async def answer(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        """The whole answer (``content-length`` among ``headers``) in one write.

        What ``send`` does for an ``http.response.start`` followed by one final body part,
        without building, dispatching and checking two messages: the application's answers
        are always whole. Header values are checked as ``send`` checks them, so a value with a
        line break never reaches the wire."""
        if self.flow.write_paused and not self.disconnected:
            await self.flow.drain()
        if self.disconnected:
            return
        if self.response_started:
            raise RuntimeError("An answer was already started for this request")
        self.response_started = True
        self.waiting_for_100_continue = False
        content = [STATUS_LINE[status]]
        for name, value in self.default_headers:
            content += (name, b": ", value, b"\r\n")
        says_close = False
        for name, value in headers:
            if HEADER_RE.search(name) or HEADER_VALUE_RE.search(value):
                raise RuntimeError(f"Invalid HTTP header {name!r}: {value!r}")
            name = name.lower()
            if name == b"connection" and b"close" in (t.strip() for t in value.lower().split(b",")):
                self.keep_alive = False
                says_close = True
            content += (name, b": ", value, b"\r\n")
        if not self.keep_alive and not says_close:
            content.append(b"connection: close\r\n")
        content.append(b"\r\n")
        if self.scope["method"] != "HEAD":
            content.append(body)
        self.transport.write(b"".join(content))
        self.response_complete = True
        self.message_event.set()
        if not self.keep_alive:
            self.transport.close()
        self.on_response()


def whole_body_arrived(receive: Any) -> bool:
    """Whether ``receive`` (a request cycle's) will hand over the rest of the body without
    waiting: the parser has seen the request's end, so no timer needs to guard the read."""
    cycle = getattr(receive, "__self__", None)
    return isinstance(cycle, RequestResponseCycle) and not cycle.more_body


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` enforcing ``limits`` (set by ``protocol_class``) on the head."""

    limits: Limits = Limits()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0
        self._head_count = 0
        self._in_head = False
        self._head_timer: TimerHandle | None = None
        self._rejection: tuple[int, str] | None = None
        #: loop time since which the connection has been idle (None: a request is in progress)
        self._idle_since: float | None = None

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        # uvicorn builds the cycle inside on_headers_complete; every cycle, pipelined ones
        # included, starts here, before any of its code runs: the class is switched here
        cycle.__class__ = OneWriteCycle
        super()._start_asgi_task(cycle, app)

    # -- the head timer --------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        if self.timeout_keep_alive_task is not None:
            self.timeout_keep_alive_task.cancel()
            self.timeout_keep_alive_task = None
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        self._head_timer = self.loop.call_later(self.limits.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        if self._in_head:
            self._reject(
                408, f"Request headers not received within {self.limits.header_timeout:g} s"
            )
        else:
            self.transport.close()  # nothing sent at all: just hang up

    # -- parser callbacks ------------------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._head_count = 0
        self._in_head = True
        # the head timer starts in data_received when this head does not end in the same data

    def on_url(self, url: bytes) -> None:
        self._count(len(url), 0)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        # uvicorn's on_header, with the limits counted in the same call (a few per request)
        self._head_bytes += len(name) + len(value) + 4
        self._head_count += 1
        if (
            self._head_bytes > self.limits.max_header_bytes
            or self._head_count > self.limits.max_headers
        ):
            self._count(0, 0)
        name = name.lower()
        if name == b"expect" and value.lower() == b"100-continue":
            self.expect_100_continue = True
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._disarm_head_timer()
        super().on_headers_complete()

    def _count(self, size: int, lines: int) -> None:
        self._head_bytes += size
        self._head_count += lines
        if self._head_bytes > self.limits.max_header_bytes:
            self._rejection = (
                431,
                f"Request headers larger than {self.limits.max_header_bytes} bytes",
            )
            raise _HeadRejected
        if self._head_count > self.limits.max_headers:
            self._rejection = (431, f"More than {self.limits.max_headers} request headers")
            raise _HeadRejected

    def data_received(self, data: bytes) -> None:
        self._unset_keepalive_if_required()
        if self.transport.is_closing():
            return
        try:
            self.parser.feed_data(data)
            if self._in_head and self._head_timer is None:
                self._arm_head_timer()  # a head began in this data and is not complete yet
        except httptools.HttpParserError:
            if self._rejection is not None:
                self._reject(*self._rejection)
                return
            self._reject(400, "Invalid HTTP request received.")
        except httptools.HttpParserUpgrade:
            self._unsupported_upgrade_warning()  # served as a plain request (no websockets)

    def on_response_complete(self) -> None:
        # an answer sent before its request's body was read (e.g. a refused token): the rest
        # of the body would keep the connection busy for as long as the client likes
        finished = self.cycle if not self.pipeline else None  # pipelined: the older one
        if finished is not None and finished.more_body and not self.transport.is_closing():
            self.transport.close()
            return
        # uvicorn's, but for the keep-alive timer: uvicorn arms a new one after every answer
        # and cancels it when the next request's first bytes come, two timer operations per
        # request. Here one timer stays armed while the connection is in use and, when it
        # fires, closes the connection only if it has been idle for the whole period.
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self.flow.resume_reading()
        if self.pipeline:
            self._idle_since = None
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
        else:
            self._idle_since = self.loop.time()
            if self.timeout_keep_alive_task is None:
                self._arm_keep_alive(self.timeout_keep_alive)

    def _arm_keep_alive(self, delay: float) -> None:
        self.timeout_keep_alive_task = self.loop.call_later(delay, self.timeout_keep_alive_handler)

    def _unset_keepalive_if_required(self) -> None:
        # a request's bytes came in: the connection is in use (the timer stays armed)
        self._idle_since = None

    def timeout_keep_alive_handler(self) -> None:
        self.timeout_keep_alive_task = None
        if self._idle_since is None or self.transport.is_closing():
            return  # in use: the next answer arms the timer again
        left = self._idle_since + self.timeout_keep_alive - self.loop.time()
        if left > 0:
            self._arm_keep_alive(left)
        else:
            self.transport.close()

    def _reject(self, status: int, message: str) -> None:
        """Answer ``status`` with a JSON error and close the connection."""
        self._disarm_head_timer()
        if status != 400:
            log.warning("rejected a request from %s: %s", self.client, message)
        body = ('{"error":"' + message.replace('"', "'") + '"}').encode()
        head = [
            STATUS_LINE[status],
            b"content-type: application/json\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()


def protocol_class(limits: Limits) -> type[LimitedHttpToolsProtocol]:
    """The protocol class uvicorn instantiates per connection, bound to ``limits``."""
    return type("QueenHttpProtocol", (LimitedHttpToolsProtocol,), {"limits": limits})
