"""Sending one request: server choice, failover, retries, timeouts, answer parsing."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import anyio
import httpx
import orjson

from .. import _log
from .._config import ClientConfig
from .._endpoints import Endpoint
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
from ._balancer import Balancer, Server
from ._native import ExchangeError, NativePool, NotSentError

# Requests that certainly never reached the server: always safe to send elsewhere.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
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


class _Failure(Exception):
    """A request that got no answer; ``not_sent`` when it certainly never left."""

    def __init__(self, error: QueenConnectionError, not_sent: bool) -> None:
        super().__init__(str(error))
        self.error = error
        self.not_sent = not_sent


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


class Transport:
    """Owns one keep-alive ``httpx.AsyncClient`` per server and sends requests to them.

    Retries connection errors and 5xx with capped exponential backoff and jitter, never 4xx;
    calls that may already have been applied are repeated only when ``Endpoint.retry_safe``.
    With several servers, a failing server is marked unhealthy and the request moves on to
    the next one at once (failover), without waiting.
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
        self._headers = headers
        self._clients: dict[int, httpx.AsyncClient] = {}
        self._pools: dict[int, NativePool] = {}
        self._native = config.http_backend == "native"
        self._closed = False

    def _client(self, server: Server) -> httpx.AsyncClient:
        client = self._clients.get(server.index)
        if client is None:
            limit = self.config.max_connections
            client = httpx.AsyncClient(
                base_url=server.url,
                headers=self._headers,
                timeout=self.config.timeout_millis / 1000,
                limits=httpx.Limits(max_connections=limit, max_keepalive_connections=limit),
            )
            self._clients[server.index] = client
        return client

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
        url = str(kwargs["url"])
        params = kwargs.get("params") or None
        content = orjson.dumps(kwargs["json"]) if "json" in kwargs else None
        timeout = (timeout_millis or self.config.timeout_millis) / 1000
        servers = self.balancer.order(affinity_key)
        failover = self.config.enable_failover and len(servers) > 1
        attempts = self.config.retry_attempts + (len(servers) - 1 if failover else 0)
        retries = 0
        for attempt in range(attempts):
            server = servers[attempt % len(servers)] if failover else servers[0]
            server.requests += 1
            try:
                status, content_type, raw = await self._exchange(
                    server, method, url, params, content, timeout
                )
            except _Failure as failure:
                self.balancer.mark_failure(server)
                retryable = failure.not_sent or endpoint.retry_safe
                if not retryable or attempt == attempts - 1:
                    raise failure.error from failure.__cause__
                _log.warn(
                    "HttpClient.request",
                    {"endpoint": endpoint.name, "server": server.url, "error": str(failure)},
                )
            else:
                body = parse_body(status, content_type, raw)
                if status < 400:
                    self.balancer.mark_success(server)
                    if _log.ENABLED:
                        _log.info(
                            "HttpClient.request",
                            {"method": method, "url": f"{server.url}{url}", "status": status},
                        )
                    return body
                http_error = error_for(status, body, method, f"{server.url}{url}")
                if (
                    status < 500
                    or status == 501
                    or not endpoint.retry_safe
                    or attempt == attempts - 1
                ):
                    raise http_error
                if status in _UNAVAILABLE:
                    self.balancer.mark_failure(server)
                _log.warn(
                    "HttpClient.request",
                    {"endpoint": endpoint.name, "server": server.url, "status": status},
                )
            # Moving on to another server is immediate; a new round over the same server(s)
            # waits first, so a struggling cluster is not hammered.
            if not failover or (attempt + 1) % len(servers) == 0:
                await anyio.sleep(self.backoff(retries))
                retries += 1
        raise AssertionError("unreachable")  # pragma: no cover

    async def _exchange(
        self,
        server: Server,
        method: str,
        url: str,
        params: Any,
        content: bytes | None,
        timeout_seconds: float,
    ) -> tuple[int, str, bytes]:
        """One HTTP exchange with one server: ``(status, content type, body)``."""
        where = f"{server.url}{url}"
        if self._native:
            pool = self._pools.get(server.index)
            if pool is None:
                pool = self._pools[server.index] = NativePool(
                    server.url, self._headers, self.config.max_connections
                )
            try:
                answer = await pool.request(method, url, params, content, timeout_seconds)
            except NotSentError as exc:
                raise _Failure(
                    QueenConnectionError(f"{method} {where}: {exc}", url=where), True
                ) from exc
            except ExchangeError as exc:
                raise _Failure(
                    QueenConnectionError(f"{method} {where}: {exc}", url=where), False
                ) from exc
            except TimeoutError as exc:
                late = QueenTimeoutError(
                    f"{method} {where}: no answer within {timeout_seconds:g} s", url=where
                )
                raise _Failure(late, False) from exc
            return answer.status, answer.headers.get("content-type", ""), answer.content
        client = self._client(server)
        try:
            response = await client.request(
                method, url, params=params, content=content, timeout=timeout_seconds
            )
        except httpx.TransportError as exc:
            not_sent = isinstance(exc, _NOT_SENT)
            if isinstance(exc, httpx.TimeoutException) and not not_sent:
                error: QueenConnectionError = QueenTimeoutError(
                    f"{method} {where}: no answer within {timeout_seconds:g} s", url=where
                )
            else:
                error = QueenConnectionError(
                    f"{method} {where}: {type(exc).__name__}: {exc or 'connection failed'}",
                    url=where,
                )
            raise _Failure(error, not_sent) from exc
        return response.status_code, response.headers.get("content-type", ""), response.content

    async def aclose(self) -> None:
        """Close every connection; later requests raise :class:`QueenClosedError`."""
        self._closed = True
        clients, self._clients = list(self._clients.values()), {}
        pools, self._pools = list(self._pools.values()), {}
        for client in clients:
            await client.aclose()
        for pool in pools:
            await pool.aclose()
