"""Running the app under uvicorn (httptools + uvloop), in one process or several.

Stopping: SIGINT/SIGTERM stop accepting connections, answer parked long polls at once,
let in-flight requests finish, close the pool. The caller stops the embedded database.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from dataclasses import replace
from types import FrameType
from typing import Any

import uvicorn

from queen_server.app import QueenApp
from queen_server.config import Settings
from queen_server.protocol import protocol_class

log = logging.getLogger("queen_server")

GRACEFUL_SECONDS = 15
#: how often a worker checks that the process that started it is still there
ORPHAN_CHECK_SECONDS = 1.0
#: allocations (net of frees) between two runs of the youngest garbage collector generation
GC_THRESHOLD = 50_000


class _Server(uvicorn.Server):
    """uvicorn's server, telling the app as soon as a stop is requested."""

    def __init__(self, config: uvicorn.Config, app: QueenApp, banner: str = "") -> None:
        super().__init__(config)
        self._queen_app = app
        self._banner = banner
        self._loop: asyncio.AbstractEventLoop | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        # What exists now (modules, the app, the pool) lives as long as the process: keep it
        # out of the cyclic collector's scans. Requests allocate thousands of short-lived,
        # acyclic objects that reference counting frees; at the default threshold (700) the
        # collector still ran every few requests, for nothing.
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, 20, 20)
        if self.started and self._banner:
            log.info("%s", self._banner)

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        await super().serve(sockets=sockets)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._queen_app.begin_shutdown)
        super().handle_exit(sig, frame)
        # uvicorn re-raises captured signals when it returns, which would kill the process
        # before the embedded database is stopped: the stop is handled here instead
        self._captured_signals.clear()


def _config(app: QueenApp, settings: Settings) -> uvicorn.Config:
    uvicorn_level = "debug" if settings.log_level == "debug" else "warning"
    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        loop="uvloop",
        http=protocol_class(settings.limits),
        ws="none",
        lifespan="on",
        access_log=False,
        server_header=False,
        # no proxy in front by default: skip the X-Forwarded-* middleware on every request
        proxy_headers=False,
        log_level=uvicorn_level,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
        timeout_keep_alive=10,
        backlog=2048,
    )


def run_single(settings: Settings, sock: socket.socket | None = None, banner: str = "") -> bool:
    """Serve in this process until stopped; False when the server could not start.

    ``banner`` is logged once the port is open."""
    app = QueenApp(settings)
    server = _Server(_config(app, settings), app, banner)
    server.run(sockets=[sock] if sock is not None else None)
    return bool(server.started)


def _stop_when_orphaned(parent: int) -> None:
    """Ask this worker to stop (as SIGTERM would) once the process that started it is gone,
    so a killed parent never leaves workers holding the port."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    with_suppress_kill(os.getpid(), signal.SIGTERM)


def _worker(settings: Settings, sock: socket.socket, parent: int) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(message)s")
    threading.Thread(
        target=_stop_when_orphaned, args=(parent,), name="queen-orphan-check", daemon=True
    ).start()
    if not run_single(settings, sock):
        sys.exit(1)


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def run_workers(settings: Settings, workers: int, banner: str = "") -> bool:
    """Serve with ``workers`` processes sharing one listening socket; True when all of them
    started and stopped cleanly. A stop request (SIGINT/SIGTERM) is passed on to every
    worker; workers also stop by themselves when this process dies."""
    sock = bind_socket(settings.host, settings.port)
    if banner:
        log.info("%s", banner)
    spawn = multiprocessing.get_context("spawn")
    procs = [
        spawn.Process(
            target=_worker,
            args=(replace(settings, worker_id=i), sock, os.getpid()),
            name=f"queen-worker-{i}",
        )
        for i in range(workers)
    ]
    stopping = False

    def forward(sig: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True
        for proc in procs:
            if proc.pid is not None and proc.exitcode is None:
                with_suppress_kill(proc.pid, signal.SIGTERM)

    # installed before the first worker starts: a stop request can come at any time
    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for proc in procs:
            if not stopping:
                proc.start()
        for proc in procs:
            if proc.pid is not None:
                proc.join()
                if proc.exitcode != 0 and not stopping:
                    log.error("%s exited with code %s", proc.name, proc.exitcode)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sock.close()
    # a worker still starting up when the stop request came dies of the forwarded signal
    # before it can handle it: that is a clean stop too
    stopped = {0, -signal.SIGINT, -signal.SIGTERM} if stopping else {0}
    return all(proc.exitcode in stopped for proc in procs if proc.pid is not None)


def with_suppress_kill(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
