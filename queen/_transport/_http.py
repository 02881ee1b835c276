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

# Requests that certainly never reached the server: always safe to send elsewhere.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# 5xx answers that say "this server cannot work right now": take it out of rotation.
_UNAVAILABLE = {502, 503, 504}


def parse_body(response: httpx.Response) -> Any:
    """The answer as plain data: JSON parsed with orjson, text kept as text, empty → None.

    Upstream sends empty bodies for empty results (§2.4) and newer brokers 204 with no body.
    """
    content = response.content
    if response.status_code == 204 or not content:
        return None
    content_type = response.headers.get("content-type", "")
    if "json" in content_type or content[:1] in (b"{", b"["):
        try:
            return orjson.loads(content)
        except orjson.JSONDecodeError:
            pass
    return response.text


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

    def _backoff(self, retry: int) -> float:
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
            client = self._client(server)
            server.requests += 1
            try:
                response = await client.request(
                    method, url, params=params, content=content, timeout=timeout
                )
            except httpx.TransportError as exc:
                not_sent = isinstance(exc, _NOT_SENT)
                self.balancer.mark_failure(server)
                where = f"{server.url}{url}"
                error: QueenConnectionError
                if isinstance(exc, httpx.TimeoutException) and not not_sent:
                    error = QueenTimeoutError(
                        f"{method} {where}: no answer within {timeout:g} s", url=where
                    )
                else:
                    error = QueenConnectionError(
                        f"{method} {where}: {type(exc).__name__}: {exc or 'connection failed'}",
                        url=where,
                    )
                retryable = not_sent or endpoint.retry_safe
                if not retryable or attempt == attempts - 1:
                    raise error from exc
                _log.warn(
                    "HttpClient.request",
                    {"endpoint": endpoint.name, "server": server.url, "error": str(error)},
                )
            else:
                status = response.status_code
                body = parse_body(response)
                if status < 400:
                    self.balancer.mark_success(server)
                    if _log.ENABLED:
                        _log.info(
                            "HttpClient.request",
                            {"method": method, "url": f"{server.url}{url}", "status": status},
                        )
                    return body
                http_error = error_for(status, body, method, f"{server.url}{url}")
                if status < 500 or not endpoint.retry_safe or attempt == attempts - 1:
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
                await anyio.sleep(self._backoff(retries))
                retries += 1
        raise AssertionError("unreachable")  # pragma: no cover

    async def aclose(self) -> None:
        """Close every connection; later requests raise :class:`QueenClosedError`."""
        self._closed = True
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()
