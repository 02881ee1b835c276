"""The httpx backend: proxies (``HTTP(S)_PROXY``, ``ALL_PROXY``, ``NO_PROXY`` or ``proxy=``),
custom httpx transports, and mocking with respx — at more CPU per request than the default.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterable
from typing import Any

import anyio
import httpx

from ._backend import BackendError, HttpRequest, HttpResponse, Limits

# certainly never reached the server
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
_SLACK_SECONDS = 0.05
_DEFAULT_CONTEXT: list[ssl.SSLContext] = []


def _default_context() -> ssl.SSLContext:
    """httpx's default context, built once per process: building one takes milliseconds."""
    if not _DEFAULT_CONTEXT:
        _DEFAULT_CONTEXT.append(httpx.create_ssl_context())
    return _DEFAULT_CONTEXT[0]


class HttpxBackend:
    """One ``httpx.AsyncClient`` per server (``max_connections`` each).

    ``transport`` replaces httpx's own (e.g. ``httpx.MockTransport``); ``proxy`` routes
    every server through one proxy (otherwise the environment decides, as httpx does);
    ``client_options`` go to ``httpx.AsyncClient`` as they are.
    """

    def __init__(
        self,
        *,
        max_connections: int = 100,
        ssl_context: ssl.SSLContext | None = None,
        limits: Limits | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        proxy: str | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self.max_connections = max_connections
        self.limits = limits or Limits()
        self._ssl_context = ssl_context
        self._transport = transport
        self._proxy = proxy
        self._options = dict(client_options or {})
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._closed = False

    def _client(self, origin: str) -> httpx.AsyncClient:
        client = self._clients.get(origin)
        if client is None:
            limit = self.max_connections
            options: dict[str, Any] = {
                "limits": httpx.Limits(max_connections=limit, max_keepalive_connections=limit),
                "transport": self._transport,
                "proxy": self._proxy,
                **self._options,
            }
            options.setdefault("verify", self._ssl_context or _default_context())
            client = self._clients[origin] = httpx.AsyncClient(**options)
        return client

    async def send(self, request: HttpRequest, deadline: float) -> HttpResponse:
        """Send ``request`` with httpx; see :class:`HttpBackend`."""
        if self._closed:
            raise BackendError("the backend is closed", sent=False, final=True)
        client = self._client(request.origin)
        remaining = max(deadline - anyio.current_time(), 0.001)
        built = client.build_request(
            request.method,
            request.url,
            headers=request.headers,
            content=request.body,
            timeout=httpx.Timeout(remaining),
        )
        if request.body is None and request.method in ("POST", "PUT", "PATCH"):
            built.headers["Content-Length"] = "0"
        # httpx's own per-phase timeouts (set to what is left) fire first and tell the phase;
        # this scope bounds the whole exchange, a moment later
        with anyio.CancelScope(deadline=deadline + _SLACK_SECONDS):
            return await self._exchange(client, built)
        # httpx's own timeouts are per phase; this is the whole exchange's
        raise BackendError("deadline reached while waiting for the answer", sent=True, timeout=True)

    async def _exchange(self, client: httpx.AsyncClient, built: httpx.Request) -> HttpResponse:
        limits = self.limits
        try:
            response = await client.send(built, stream=True)
        except httpx.TimeoutException as exc:
            phase = {
                httpx.PoolTimeout: "waiting for a free connection",
                httpx.ConnectTimeout: "connecting",
                httpx.WriteTimeout: "sending the request",
            }.get(type(exc), "waiting for the answer")
            raise BackendError(
                f"deadline reached while {phase}",
                sent=not isinstance(exc, _NOT_SENT),
                timeout=True,
            ) from exc
        except httpx.TransportError as exc:
            raise _failure(exc, limits) from exc
        try:
            raw = response.headers.raw
            if len(raw) > limits.max_header_count:
                raise limits.header_count_exceeded(len(raw))
            if sum(len(k) + len(v) + 4 for k, v in raw) > limits.max_header_bytes:
                raise limits.header_bytes_exceeded()
            chunks: list[bytes] = []
            size = 0
            # the stream itself, not aiter_raw(): that closes the response at its end, and
            # leftovers must be looked at before the connection goes back to the pool
            stream: AsyncIterable[bytes] = response.stream  # type: ignore[assignment]
            async for chunk in stream:
                size += len(chunk)
                if size > limits.max_body_bytes:
                    raise limits.body_exceeded()
                chunks.append(chunk)
            _never_reuse_with_leftovers(response)
        except httpx.TimeoutException as exc:
            raise BackendError(
                "deadline reached while reading the answer", sent=True, timeout=True
            ) from exc
        except httpx.TransportError as exc:
            raise _failure(exc, limits) from exc
        finally:
            await response.aclose()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw}
        return HttpResponse(response.status_code, headers, b"".join(chunks))

    async def aclose(self) -> None:
        """Close every client."""
        self._closed = True
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


def _never_reuse_with_leftovers(response: httpx.Response) -> None:
    """Bytes after the answer (upstream may send some after a 204) stay in h11's buffer and
    would be read as the next request's answer: then mark the exchange failed, so httpcore
    closes the connection instead of pooling it. Reaches into httpcore's HTTP/1.1 stream;
    without it (another httpcore layout) nothing changes.
    """
    layer: Any = response.stream
    for _ in range(8):  # httpx's bound stream → its transport's → httpcore's pool → HTTP/1.1
        state = getattr(getattr(layer, "_connection", None), "_h11_state", None)
        if state is not None:
            trailing = getattr(state, "trailing_data", (b"", False))
            if trailing[0]:
                state.send_failed()
            return
        layer = getattr(layer, "_stream", None) or getattr(layer, "_httpcore_stream", None)
        if layer is None:
            return


def _ssl_cause(exc: BaseException) -> ssl.SSLError | None:
    """The ``ssl.SSLError`` behind a connect error, if any (chains may loop: bounded)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, ssl.SSLError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _failure(exc: httpx.TransportError, limits: Limits) -> BackendError:
    text = str(exc)
    if isinstance(exc, httpx.RemoteProtocolError) and "buffer too long" in text.lower():
        return limits.header_bytes_exceeded()  # h11 refuses an endless head
    if isinstance(exc, httpx.ConnectError):
        cause = _ssl_cause(exc)
        if isinstance(cause, ssl.SSLCertVerificationError):
            message = f"TLS certificate verification failed: {cause.verify_message or cause}"
            return BackendError(message, sent=False, final=True)
        if isinstance(cause, ssl.SSLError):
            return BackendError(f"TLS handshake failed: {cause}", sent=False, final=True)
        return BackendError(f"cannot connect: {text or type(exc).__name__}", sent=False)
    if isinstance(exc, _NOT_SENT):
        return BackendError(f"{type(exc).__name__}: {text}", sent=False)
    detail = text or type(exc).__name__
    if "without sending a response" in detail or "disconnected" in detail.lower():
        detail = f"the server closed the connection: {detail}"
    return BackendError(f"{type(exc).__name__}: {detail}", sent=True)
