"""Request/response primitives of the ASGI layer: parsing, errors and response bodies.

Query strings follow upstream's rules (protocol §2.7): the first ``key=`` wins, a present but
empty value is ``""`` (not the default), integers take their leading digits (``10abc`` → 10),
booleans are true only for ``true`` or ``1``. Path parameters are never percent-decoded (§2.8).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

import orjson

if TYPE_CHECKING:
    from queen_server.context import ServerContext

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

JSON_TYPE = b"application/json"

#: CORS headers upstream puts on every JSON answer.
CORS_HEADERS: list[tuple[bytes, bytes]] = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, POST, PUT, DELETE, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type, Authorization"),
    (b"access-control-max-age", b"86400"),
]

#: Requests bodies larger than this are refused with 413.
MAX_BODY_BYTES = 64 * 1024 * 1024

_MISSING = object()


class HTTPError(Exception):
    """Raised by handlers to answer with an error status and a JSON body."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(body)
        self.status = status
        self.body = body


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

    __slots__ = ("_body", "_query", "ctx", "method", "params", "path", "query_string", "receive")

    def __init__(
        self,
        scope: Scope,
        receive: Receive,
        params: dict[str, str],
        ctx: ServerContext,
        path: str,
    ) -> None:
        self.method: str = scope["method"]
        self.path = path
        self.query_string: str = scope.get("query_string", b"").decode("latin-1")
        self.params = params
        self.ctx = ctx
        self.receive = receive
        self._body: bytes | None = None
        self._query: dict[str, str] | None = None

    async def body(self) -> bytes:
        """The whole request body (read once)."""
        if self._body is None:
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await self.receive()
                if message["type"] == "http.disconnect":
                    raise HTTPError(400, {"error": "Client disconnected"})
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise HTTPError(
                        413, {"error": f"Request body larger than {MAX_BODY_BYTES} bytes"}
                    )
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            self._body = b"".join(chunks)
        return self._body

    async def json(self) -> Any:
        """The body parsed as JSON; 400 for an empty or malformed body (upstream's texts)."""
        raw = await self.body()
        if not raw.strip():
            raise BadRequest("Empty request body")
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise BadRequest(f"Invalid JSON: {exc}") from None

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
