"""Sending one call: server choice, failover, retries, the call's deadline, answer parsing.

Everything here is the same for every HTTP backend: backends send one request to one server
and report whether it may have reached the server (``BackendError.sent``); whether to send it
again is decided here, once, from the endpoint's ``retry_safe``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

import anyio
import orjson

from .. import _log
from .._errors import (
    QueenAuthError,
    QueenClosedError,
    QueenConnectionError,
    QueenHTTPError,
    QueenNotFoundError,
    QueenServerError,
    QueenTimeoutError,
    QueenValidationError,
)
from ._backend import BackendError, HttpBackend, HttpRequest, Limits
from ._balancer import Balancer
from ._tls import client_context

if TYPE_CHECKING:
    from .._config import ClientConfig
    from .._endpoints import Endpoint

# 5xx answers that say "this server cannot work right now": take it out of rotation.
_UNAVAILABLE = {502, 503, 504}


def parse_body(status: int, content_type: str, content: bytes) -> Any:
    """The answer as plain data: JSON parsed with orjson, text kept as text, empty → None.

    Upstream sends empty bodies for empty results and newer brokers 204 with no body.
    """
    if status == 204 or not content:
        return None
    if "json" in content_type or content[:1] in (b"{", b"["):
        try:
            return orjson.loads(content)
        except orjson.JSONDecodeError:
            pass
    return content.decode("utf-8", errors="replace")


def encode_query(params: Mapping[str, Any] | None) -> str:
    """``?a=1&b=true`` with booleans spelled as the server expects."""
    if not params:
        return ""
    pairs = [
        (key, ("true" if value else "false") if isinstance(value, bool) else value)
        for key, value in params.items()
    ]
    return "?" + urlencode(pairs)


def error_for(status: int, body: Any, method: str, url: str) -> QueenHTTPError:
    """The exception for an HTTP error answer, with the server's own message."""
    if isinstance(body, dict) and body.get("error"):
        detail = str(body["error"])
    elif isinstance(body, str) and body and not body.lstrip().startswith("<"):
        detail = body.strip()
    else:
        detail = f"HTTP {status}"
    message = f"{method} {url}: {detail}"
    if status == 404:
        if not isinstance(body, dict):
            message = f"{method} {url}: no such endpoint on this server (HTTP 404)"
        return QueenNotFoundError(message, status=status, body=body, url=url)
    if status in (401, 403):
        return QueenAuthError(message, status=status, body=body, url=url)
    if status < 500:
        return QueenValidationError(message, status=status, body=body, url=url)
    return QueenServerError(message, status=status, body=body, url=url)


def build_backend(config: ClientConfig) -> tuple[HttpBackend, bool]:
    """The backend ``config.http_backend`` names (built here: True) or the object given."""
    choice = config.http_backend
    if not isinstance(choice, str):
        return choice, False
    limits = Limits(
        max_header_bytes=config.max_response_header_bytes,
        max_body_bytes=config.max_response_body_bytes,
    )
    needs_tls = (
        config.cert is not None or config.ssl_context is not None or config.verify is not True
    )
    context = None
    if needs_tls or any(url.startswith("https:") for url in config.urls):
        context = client_context(config.verify, config.cert, config.ssl_context)
    if choice == "httpx":
        from ._httpx import HttpxBackend  # imported only when chosen

        return HttpxBackend(
            max_connections=config.max_connections, ssl_context=context, limits=limits
        ), True
    from ._fast import FastBackend

    return FastBackend(
        max_connections=config.max_connections, ssl_context=context, limits=limits
    ), True


class _Origin:
    """Where one server lives: ``origin`` for the backend, ``prefix`` for every target."""

    __slots__ = ("origin", "prefix")

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path.rstrip("/")


class Transport:
    """Sends each call to a server chosen by the balancer, through one HTTP backend.

    ``timeout_millis`` (or the call's own) is the deadline of the whole call: waiting for a
    connection, connecting, sending, the answer, and every retry and backoff pause. Connection
    failures and 5xx are retried with capped exponential backoff and jitter, never 4xx; a
    call that may already have reached a server is repeated only when ``Endpoint.retry_safe``.
    With several servers, a failing server is marked unhealthy and the call moves on to the
    next one at once (failover), without waiting.
    """

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.balancer = Balancer(
            config.urls,
            strategy=config.load_balancing_strategy,
            ring_size=config.affinity_hash_ring,
            retry_after_seconds=config.health_retry_after_millis / 1000,
        )
        headers = {"Content-Type": "application/json", **config.headers}
        if config.bearer_token:
            headers["Authorization"] = f"Bearer {config.bearer_token}"
        self._headers = tuple(headers.items())
        self._merged: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}
        self._origins = [_Origin(server.url) for server in self.balancer.servers]
        self.backend, self._owns_backend = build_backend(config)
        self._closed = False

    def _with(self, extra: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
        """The client's headers with a request's own (which win, by name); the same tuple
        for the same extra headers, so backends can cache its encoding."""
        key = tuple((str(k), str(v)) for k, v in extra.items())
        merged = self._merged.get(key)
        if merged is None:
            names = {name.lower() for name, _ in key}
            kept = tuple((k, v) for k, v in self._headers if k.lower() not in names)
            merged = kept + key
            if len(self._merged) < 64:
                self._merged[key] = merged
        return merged

    def backoff(self, retry: int) -> float:
        """Capped exponential delay before retry number ``retry`` (jittered)."""
        base = self.config.retry_delay_millis / 1000
        cap = self.config.retry_max_delay_millis / 1000
        delay: float = min(cap, base * (2**retry))
        return delay * (0.5 + random.random() / 2)

    async def send(
        self,
        endpoint: Endpoint,
        kwargs: Mapping[str, Any],
        *,
        affinity_key: str | None = None,
        timeout_millis: int | None = None,
    ) -> Any:
        """Send a request built by a generated ``request_kwargs`` and return the parsed body."""
        if self._closed:
            raise QueenClosedError("the Queen client is closed")
        method = str(kwargs["method"]).upper()
        path = str(kwargs["url"]) + encode_query(kwargs.get("params"))
        body = orjson.dumps(kwargs["json"]) if "json" in kwargs else None
        headers = self._headers
        extra = kwargs.get("headers")
        if extra:
            headers = self._with(extra)
        budget_millis = timeout_millis or self.config.timeout_millis
        started = anyio.current_time()
        deadline = started + budget_millis / 1000
        servers = self.balancer.order(affinity_key)
        failover = self.config.enable_failover and len(servers) > 1
        attempts = self.config.retry_attempts + (len(servers) - 1 if failover else 0)
        retries = 0
        backend = self.backend
        for attempt in range(1, attempts + 1):
            server = servers[(attempt - 1) % len(servers)] if failover else servers[0]
            where = self._origins[server.index]
            request = HttpRequest(method, where.origin, where.prefix + path, headers, body)
            server.requests += 1
            try:
                response = await backend.send(request, deadline)
            except BackendError as failure:
                if not failure.stale:
                    self.balancer.mark_failure(server)
                resend = (not failure.sent or endpoint.retry_safe) and not failure.final
                if not resend or attempt == attempts or anyio.current_time() >= deadline:
                    error = self._error(failure, request, endpoint, attempt, started, budget_millis)
                    raise error from failure
                _log.warn(
                    "HttpClient.request",
                    {"endpoint": endpoint.name, "server": server.url, "error": str(failure)},
                )
                if failure.stale:
                    continue  # an idle connection the server had dropped: at once, elsewhere
            else:
                status = response.status
                parsed = parse_body(status, response.headers.get("content-type", ""), response.body)
                if status < 400:
                    self.balancer.mark_success(server)
                    if _log.enabled(_log.DEBUG):
                        elapsed = round((anyio.current_time() - started) * 1000, 2)
                        _log.debug(
                            "HttpClient.request",
                            {"method": method, "url": request.url, "status": status, "ms": elapsed},
                        )
                    return parsed
                http_error = error_for(status, parsed, method, request.url)
                if (
                    status < 500
                    or status == 501
                    or not endpoint.retry_safe
                    or attempt == attempts
                    or anyio.current_time() >= deadline
                ):
                    raise http_error
                if status in _UNAVAILABLE:
                    self.balancer.mark_failure(server)
                _log.warn(
                    "HttpClient.request",
                    {"endpoint": endpoint.name, "server": server.url, "status": status},
                )
            # Moving on to another server is immediate; a new round over the same server(s)
            # waits first, so a struggling cluster is not hammered. The pause never runs past
            # the deadline: the next attempt gets what is left.
            if not failover or attempt % len(servers) == 0:
                pause = min(self.backoff(retries), max(deadline - anyio.current_time(), 0))
                await anyio.sleep(pause)
                retries += 1
        raise AssertionError("unreachable")  # pragma: no cover

    def _error(
        self,
        failure: BackendError,
        request: HttpRequest,
        endpoint: Endpoint,
        attempts: int,
        started: float,
        budget_millis: int,
    ) -> QueenConnectionError:
        """The truth about a call that got no usable answer."""
        elapsed = anyio.current_time() - started
        tried = f"{attempts} attempt{'s' if attempts != 1 else ''} in {elapsed:.2f} s"
        head = f"{request.method} {request.url}"
        if failure.timeout:
            message = (
                f"{head}: no answer within {budget_millis / 1000:g} s ({failure}; "
                f"the deadline covers the whole call: {tried})"
            )
            return QueenTimeoutError(message, url=request.url, attempts=attempts)
        reason = str(failure)
        if failure.sent and not endpoint.retry_safe and not failure.final:
            reason += "; the request may have reached the server, so it is not sent again"
        return QueenConnectionError(
            f"{head}: {reason} ({tried})", url=request.url, attempts=attempts
        )

    async def aclose(self) -> None:
        """Close the backend's connections (when this transport built it); later requests
        raise :class:`QueenClosedError`."""
        self._closed = True
        if self._owns_backend:
            await self.backend.aclose()
