"""Extra queen_server processes on one database, for load-balancing and failover tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg
import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    """One ``python -m queen_server`` child process."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: str

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)

    def log(self) -> str:
        with open(self.log_path, errors="replace") as handle:
            return handle.read()[-4000:]


def start_server(dsn: str, timeout: float = 60.0, port: int | None = None) -> ServerProcess:
    """Start a server on ``port`` (default: a free one) against ``dsn``; wait for /health."""
    port = port or free_port()
    log_fd, log_path = tempfile.mkstemp(prefix="queen-server-", suffix=".log")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "queen_server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--dsn",
            dsn,
        ],
        stdout=log_fd,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    os.close(log_fd)
    server = ServerProcess(f"http://127.0.0.1:{port}", process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"queen_server exited early:\n{server.log()}")
        try:
            if httpx.get(f"{server.url}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"queen_server did not become healthy:\n{server.log()}")


def new_database(pg_dsn: str, prefix: str = "qs") -> str:
    """Create a brand-new, empty database on the test PostgreSQL; return its DSN."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"

    async def create() -> None:
        conn = await asyncpg.connect(pg_dsn)
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    anyio.run(create)
    parts = urlsplit(pg_dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
