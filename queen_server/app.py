"""The ASGI application: routing, error mapping, CORS, lifespan.

Adding an endpoint
------------------
1. Write an ``async def handler(request: Request) -> Response`` in a module of
   ``queen_server/routes/`` (one module per endpoint group). Read input with
   ``await request.json_object()``, ``request.query(...)``, ``request.query_int(...)``,
   ``request.query_bool(...)`` and ``request.params["name"]`` (raw path segment, never
   percent-decoded); reach the database through ``request.ctx.pool`` (asyncpg).
   Answer with ``json_response(obj)`` (orjson; ``orjson.Fragment`` embeds JSON text as-is)
   or ``raw_json_response(text)`` for JSON that PostgreSQL already built.
   Reject bad input with ``raise BadRequest("field must be …, got …")`` (400
   ``{"error": …}``); other statuses with ``raise HTTPError(status, body)``.
2. List it in the module's ``ROUTES = [Route("GET", "/api/v1/things/{id}", handler)]``.
3. Make sure the module is listed in ``queen_server.routes.ROUTE_MODULES``.

Errors are mapped here once: losing the database in any way (connection refused, reset or
terminated, server shutting down, out of connections) → 503 ``{"error": …}`` with
``Retry-After``; PostgreSQL data errors (SQLSTATE class 22, e.g. a character jsonb cannot
store) → 400; anything else → 500 ``{"error": …}`` with the traceback in the log. Unknown
method + path → 404 with upstream's HTML body and no content type; ``OPTIONS`` on any path →
200 with an empty body.

Authentication (``queen_server.auth``) runs after routing and before the handler, with the
route's level from ``queen_server.access``; the body of a refused request is never read.
CORS headers are only sent to the origins configured (``queen_server.cors``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from typing import Any

import asyncpg

from queen_server import db
from queen_server.access import level_of
from queen_server.auth import Authenticator, AuthError, Level
from queen_server.config import Settings
from queen_server.console import console_routes
from queen_server.context import ServerContext
from queen_server.cors import Cors
from queen_server.crypto import PayloadCipher
from queen_server.jobs import BackgroundJobs
from queen_server.keycheck import check_key
from queen_server.limits import BodyBudget
from queen_server.notify import Listener, PushNotifier, WaiterHub
from queen_server.protocol import OneWriteCycle
from queen_server.router import Route, Router
from queen_server.web import (
    RETRY_AFTER_SECONDS,
    HTTPError,
    Receive,
    Request,
    Response,
    Scope,
    Send,
    json_response,
)

log = logging.getLogger("queen_server")

NOT_FOUND_BODY = (
    b"<html><body><h1>File Not Found</h1><hr><i>uWebSockets/20 Server</i></body></html>"
)

#: every way of losing the database: 503 with Retry-After, never 500
_CONNECTION_ERRORS = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.InterfaceError,
    # asyncpg's protocol state after the connection was cut mid-query
    asyncpg.InternalClientError,
    # SQLSTATE class 08 (connection exception), 57 (shutdown, termination, cancellation),
    # 53 (out of connections, memory or disk)
    asyncpg.PostgresConnectionError,
    asyncpg.OperatorInterventionError,
    asyncpg.InsufficientResourcesError,
)
_RETRY_AFTER = (b"retry-after", str(RETRY_AFTER_SECONDS).encode())


class QueenApp:
    """The ASGI callable. ``startup``/``shutdown`` run from the ASGI lifespan protocol."""

    def __init__(self, settings: Settings, routes: Iterable[Route] | None = None) -> None:
        from queen_server.routes import all_routes

        self.settings = settings
        self.router = Router(all_routes() if routes is None else routes)
        # the web console (static, outside the Queen API): queen_server/console/
        for route in console_routes(settings):
            self.router.add(route)
        self._levels = {
            (r.method, r.pattern): level_of(r.method, r.pattern) for r in self.router.routes()
        }
        self.cors = Cors(settings.cors_origins)
        self._ctx: ServerContext | None = None
        self._listener: Listener | None = None
        self._jobs: BackgroundJobs | None = None

    @property
    def ctx(self) -> ServerContext:
        if self._ctx is None:
            raise RuntimeError("the application has not started")
        return self._ctx

    # -- lifecycle ---------------------------------------------------------------------

    async def startup(self) -> None:
        cipher = PayloadCipher.from_env()
        auth = Authenticator(self.settings.auth) if self.settings.auth.enabled else None
        conn = await db.connect(self.settings.dsn)
        try:
            await db.migrate(conn)
            await check_key(conn, cipher)
        finally:
            await conn.close()
        if auth is not None:
            await auth.start()
        pool = await db.create_pool(
            self.settings.dsn, min_size=self.settings.pool_min, max_size=self.settings.pool_max
        )
        hub = WaiterHub()
        ctx = ServerContext(
            settings=self.settings,
            pool=pool,
            hub=hub,
            cipher=cipher,
            notifier=PushNotifier(self.settings.dsn),
            body_budget=BodyBudget(self.settings.limits.body_memory_bytes),
            auth=auth,
        )
        self._ctx = ctx
        self._listener = Listener(
            self.settings.dsn, hub, on_config=ctx.forget_queue, on_state=self._on_state
        )
        self._listener.start()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._listener.connected.wait(), 10)
        self._jobs = BackgroundJobs(ctx)
        self._jobs.start()

    def _on_state(self, _key: str) -> None:
        if self._jobs is not None:
            self._jobs.wake()

    def begin_shutdown(self) -> None:
        """Stop parking pops: every long poll answers now (called when a stop is requested)."""
        if self._ctx is not None:
            self._ctx.hub.close()

    async def shutdown(self) -> None:
        self.begin_shutdown()
        if self._jobs is not None:
            await self._jobs.stop()
        if self._listener is not None:
            await self._listener.stop()
        if self._ctx is not None and self._ctx.notifier is not None:
            await self._ctx.notifier.close()
        if self._ctx is not None:
            with contextlib.suppress(Exception):
                await self._ctx.fast.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ctx.pool.close(), 10)

    # -- ASGI --------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.startup()
                except Exception as exc:
                    log.exception("start-up failed")
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        method: str = scope["method"]
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        path = raw_path.decode("utf-8", "surrogateescape")
        cors = self.cors.headers_for(scope) if self.cors.enabled else None
        if method == "OPTIONS":
            await _send(send, Response(status=200, content_type=None), cors)
            return
        found = self.router.match(method, path)
        if found is None:
            body = b"" if method == "HEAD" else NOT_FOUND_BODY
            await _send(send, Response(404, body, content_type=None, cors=False), None)
            return
        route, params = found
        ctx = self.ctx
        ctx.counters.requests += 1
        identity = None
        auth = ctx.auth
        if auth is not None:
            level = self._levels[(route.method, route.pattern)]
            if level > Level.PUBLIC and not auth.settings.should_skip(path):
                try:
                    identity = await auth.check(_header(scope, b"authorization"), level)
                except AuthError as exc:
                    await _send(send, json_response({"error": exc.message}, exc.status), cors)
                    return
        request = Request(scope, receive, params, ctx, path, identity)
        try:
            response = await self._handle(route, request)
            await _send(send, response, cors)
        finally:
            await request.release_body()

    async def _handle(self, route: Route, request: Request) -> Response:
        method, path = request.method, request.path
        try:
            return await route.handler(request)
        except HTTPError as exc:
            response = json_response(exc.body, exc.status)
            response.headers.extend(exc.headers)
            return response
        except asyncpg.DataError as exc:
            return json_response({"error": f"Invalid data: {exc}"}, 400)
        except _CONNECTION_ERRORS as exc:
            log.warning("%s %s: database unavailable: %s", method, path, exc)
            response = json_response({"error": f"Database unavailable: {exc}"}, 503)
            response.headers.append(_RETRY_AFTER)
            return response
        except asyncpg.PostgresError as exc:
            log.error("%s %s: database error: %s", method, path, exc)
            return json_response({"success": False, "error": f"ERROR:  {exc}"}, 500)
        except Exception as exc:
            log.exception("%s %s failed", method, path)
            return json_response({"error": f"Internal server error: {exc}"}, 500)


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value  # type: ignore[no-any-return]
    return None


async def _send(send: Send, response: Response, cors: list[tuple[bytes, bytes]] | None) -> None:
    headers: list[tuple[bytes, bytes]] = []
    if response.content_type is not None:
        headers.append((b"content-type", response.content_type))
    if cors and response.cors:
        headers.extend(cors)
    headers.extend(response.headers)
    body = response.body if response.status not in (204, 304) else b""
    headers.append((b"content-length", str(len(body)).encode()))
    cycle = getattr(send, "__self__", None)
    if isinstance(cycle, OneWriteCycle):
        await cycle.answer(response.status, headers, body)
        return
    start: dict[str, Any] = {"type": "http.response.start", "status": response.status}
    start["headers"] = headers
    await send(start)
    await send({"type": "http.response.body", "body": body})


def create_app() -> QueenApp:
    """App factory for ASGI servers started by import string (settings from the environment)."""
    settings = Settings.from_env()
    if not settings.dsn:
        raise RuntimeError("QUEEN_PG_DSN is not set")
    return QueenApp(settings)


__all__ = ["NOT_FOUND_BODY", "QueenApp", "create_app"]
