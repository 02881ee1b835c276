"""Request/response primitives of the ASGI layer: parsing, errors and response bodies.

Query strings follow upstream's rules (protocol §2.7): the first ``key=`` wins, a present but
empty value is ``""`` (not the default), integers take their leading digits (``10abc`` → 10),
booleans are true only for ``true`` or ``1``. Path parameters are never percent-decoded (§2.8).
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

import orjson

from queen_server.limits import LARGE_BODY_BYTES, too_deep
from queen_server.protocol import whole_body_arrived

if TYPE_CHECKING:
    from queen_server.auth import Identity
    from queen_server.context import ServerContext

if sys.version_info >= (3, 11):
    from asyncio import timeout_at
else:  # pragma: no cover - Python 3.10
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def timeout_at(deadline: float) -> Any:
        task = asyncio.current_task()
        assert task is not None
        handle = asyncio.get_running_loop().call_at(deadline, task.cancel)
        try:
            yield
        except asyncio.CancelledError:
            raise asyncio.TimeoutError from None
        finally:
            handle.cancel()


Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

JSON_TYPE = b"application/json"

#: headers of every 503: clients may try again shortly
RETRY_AFTER_SECONDS = 1

_MISSING = object()


class HTTPError(Exception):
    """Raised by handlers to answer with an error status and a JSON body."""

    def __init__(
        self, status: int, body: Any, headers: list[tuple[bytes, bytes]] | None = None
    ) -> None:
        super().__init__(body)
        self.status = status
        self.body = body
        self.headers = headers or []


def unavailable(message: str) -> HTTPError:
    """503 ``{"error": message}`` with ``Retry-After``: the client may try again shortly."""
    return HTTPError(503, {"error": message}, [(b"retry-after", str(RETRY_AFTER_SECONDS).encode())])


def closing(status: int, message: str) -> HTTPError:
    """An error after which the connection is closed (its request was not read to the end)."""
    return HTTPError(status, {"error": message}, [(b"connection", b"close")])


class BadRequest(HTTPError):
    """400 ``{"error": message}`` — the message names the field and the value."""

    def __init__(self, message: str) -> None:
        super().__init__(400, {"error": message})


@dataclass
class Response:
    """An HTTP answer. ``body`` is sent as-is; ``json_response`` builds the usual one."""

    status: int = 200
    body: bytes = b""
    content_type: bytes | None = JSON_TYPE
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    cors: bool = True


def json_response(data: Any, status: int = 200) -> Response:
    """Serialise ``data`` with orjson (``orjson.Fragment`` values pass through untouched)."""
    return Response(status=status, body=orjson.dumps(data))


def raw_json_response(text: str | bytes, status: int = 200) -> Response:
    """Answer with JSON text that is already serialised (e.g. built by PostgreSQL)."""
    body = text.encode() if isinstance(text, str) else text
    return Response(status=status, body=body)


def error_response(message: str, status: int) -> Response:
    return json_response({"error": message}, status)


def describe(value: Any) -> str:
    """A short rendering of a bad value for error messages."""
    text = orjson.dumps(value).decode() if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class Request:
    """What a handler sees: method, raw path and query, path params, body, server context."""

    __slots__ = (
        "_body",
        "_query",
        "ctx",
        "identity",
        "method",
        "params",
        "path",
        "query_string",
        "receive",
        "reserved",
        "scope",
    )

    def __init__(
        self,
        scope: Scope,
        receive: Receive,
        params: dict[str, str],
        ctx: ServerContext,
        path: str,
        identity: Identity | None = None,
    ) -> None:
        self.scope = scope
        #: who sent the request (None when authentication is off)
        self.identity = identity
        #: bytes of the body budget this request holds (``release_body`` gives them back)
        self.reserved = 0
        self.method: str = scope["method"]
        self.path = path
        self.query_string: str = scope.get("query_string", b"").decode("latin-1")
        self.params = params
        self.ctx = ctx
        self.receive = receive
        self._body: bytes | None = None
        self._query: dict[str, str] | None = None

    def header(self, name: bytes) -> bytes | None:
        """The first value of a request header (``name`` in lower case)."""
        for key, value in self.scope["headers"]:
            if key == name:
                return value  # type: ignore[no-any-return]
        return None

    async def body(self) -> bytes:
        """The whole request body (read once), within the configured size and time limits:
        413 when larger than ``max_body_bytes``, 408 when not received within
        ``body_timeout``, 503 when the process holds too many large bodies already."""
        if self._body is None:
            self._body = await self._read_body()
        return self._body

    async def _read_body(self) -> bytes:
        limits = self.ctx.settings.limits
        maximum = limits.max_body_bytes
        declared = self._content_length()
        if declared is not None and declared > maximum:
            raise closing(413, f"Request body larger than {maximum} bytes (max_body_bytes)")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limits.body_timeout
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                if whole_body_arrived(self.receive):
                    message = await self.receive()
                else:
                    async with timeout_at(deadline):
                        message = await self.receive()
            except asyncio.TimeoutError:
                raise closing(
                    408,
                    f"Request body not received within {limits.body_timeout:g} s (body_timeout)",
                ) from None
            if message["type"] == "http.disconnect":
                raise HTTPError(400, {"error": "Client disconnected"})
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > maximum:
                raise closing(413, f"Request body larger than {maximum} bytes (max_body_bytes)")
            if size > LARGE_BODY_BYTES and not self.reserved:
                # past the free allowance: room for the whole body at once (a body that only
                # dribbles in holds nothing; bodies never wait holding part of the budget)
                await self._reserve(declared if declared is not None else maximum, deadline)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _content_length(self) -> int | None:
        raw = self.header(b"content-length")
        if raw is None:
            return None
        try:
            return int(raw)
        except ValueError:
            raise closing(400, f"Content-Length must be a number, got {raw!r}") from None

    async def _reserve(self, size: int, deadline: float) -> None:
        budget = self.ctx.body_budget
        remaining = max(deadline - asyncio.get_running_loop().time(), 0.0)
        if not await budget.reserve(size, remaining):
            raise unavailable(
                "Too many large request bodies in flight (body_memory_bytes); try again"
            )
        self.reserved += size

    async def release_body(self) -> None:
        """Give back the body budget this request holds (after its answer is sent)."""
        if self.reserved:
            await self.ctx.body_budget.release(self.reserved)
            self.reserved = 0

    async def json(self) -> Any:
        """The body parsed as JSON; 400 for an empty or malformed body (upstream's texts)."""
        raw = await self.body()
        if not raw.strip():
            raise BadRequest("Empty request body")
        limit = self.ctx.settings.limits.max_json_depth
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            if "depth limit" in str(exc):
                raise _too_deep(limit) from None
            raise BadRequest(f"Invalid JSON: {exc}") from None
        if too_deep(raw, value, limit):
            raise _too_deep(limit)
        return value

    async def json_object(self) -> dict[str, Any]:
        """The body as a JSON object, or ``{}`` when it is valid JSON of another type."""
        data = await self.json()
        return data if isinstance(data, dict) else {}

    # -- query string -------------------------------------------------------------------

    def _parsed_query(self) -> dict[str, str]:
        if self._query is None:
            values: dict[str, str] = {}
            for part in self.query_string.split("&"):
                key, sep, value = part.partition("=")
                if sep and key not in values:
                    values[key] = unquote_plus(value)
            self._query = values
        return self._query

    def query(self, key: str, default: str | None = None) -> str | None:
        """The first value of ``key`` (``""`` when present but empty), else ``default``."""
        return self._parsed_query().get(key, default)

    def query_int(self, key: str, default: int) -> int:
        """Integer with C ``stoi`` leniency: leading digits count, garbage → default."""
        raw = self._parsed_query().get(key)
        if raw is None or raw == "":
            return default
        return parse_leading_int(raw, default)

    def query_bool(self, key: str, default: bool) -> bool:
        """True only for ``true`` or ``1``; absent or empty → default."""
        raw = self._parsed_query().get(key)
        if raw is None or raw == "":
            return default
        return raw in ("true", "1")


def _too_deep(limit: int) -> BadRequest:
    return BadRequest(
        f"Invalid JSON: nested more than {limit} levels deep (max_json_depth is {limit})"
    )


_LEADING_INT = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")


def parse_leading_int(raw: str, default: int) -> int:
    """The leading ASCII digits of ``raw`` (after blanks and a sign), as C's ``stoi`` reads
    them; ``default`` when there are none (other Unicode digits such as ``²`` do not count).
    """
    match = _LEADING_INT.match(raw)
    return int(match.group(1)) if match else default


Handler = Callable[[Request], Awaitable[Response]]


def get_field(body: Mapping[str, Any], key: str) -> Any:
    """``body[key]`` or a sentinel distinguishing "absent" from JSON null."""
    return body.get(key, _MISSING)


def is_missing(value: Any) -> bool:
    return value is _MISSING
