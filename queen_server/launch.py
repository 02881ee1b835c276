"""Start a ``queen_server`` in a child process — for tests, the demo and ``queen.testing``.

    with ServerProcess(dsn) as server:        # or: async with ServerProcess(dsn) as server:
        httpx.get(server.url + "/health")

Without a DSN the child starts an embedded PostgreSQL in ``data_dir`` (a temporary directory
that is removed afterwards when none is given). ``EmbeddedPostgres`` (re-exported here) starts
a database on its own, to share between several servers.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from queen_server import extra
from queen_server.embedded import EmbeddedPostgres

__all__ = ["EmbeddedPostgres", "ServerProcess", "ServerStartError", "free_port"]


class ServerStartError(RuntimeError):
    """The server process exited or did not become healthy in time."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def _healthy(host: str, port: int) -> bool:
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", "/health")
        # 401/403: up, with /health taken out of the authentication skip list
        return conn.getresponse().status in (200, 401, 403)
    except OSError:
        return False
    finally:
        conn.close()


class ServerProcess:
    """A ``python -m queen_server`` child on a free port, ready when ``start()`` returns."""

    def __init__(
        self,
        dsn: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        data_dir: str | Path | None = None,
        workers: int = 1,
        log_level: str = "warning",
        env: dict[str, str] | None = None,
        startup_timeout: float = 90.0,
        args: Sequence[str] = (),
    ) -> None:
        self.dsn = dsn
        self.host = host
        self.port = port
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.workers = workers
        self.log_level = log_level
        self.env = env
        self.startup_timeout = startup_timeout
        #: extra command-line options (e.g. ``["--max-body-bytes", "1000"]``)
        self.args = list(args)
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None
        self._temp_dir: str | None = None

    @property
    def url(self) -> str:
        if self.port is None or self._proc is None:
            raise RuntimeError("the server is not running")
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def log_text(self) -> str:
        """What the server wrote to stdout/stderr so far."""
        if self._log_path is None or not self._log_path.exists():
            return ""
        return self._log_path.read_text(errors="replace")

    def start(self) -> str:
        """Start the server and wait until ``/health`` answers 200; returns the URL.

        Raises ``queen_server.extra.ServerExtraMissing`` (an ``ImportError``) when the
        ``server`` extra is not installed, ``ServerStartError`` when the server does not start."""
        if self._proc is not None:
            return self.url
        extra.require()
        self._temp_dir = tempfile.mkdtemp(prefix="queen-server-")
        self._log_path = Path(self._temp_dir) / "server.log"
        data_dir = self.data_dir or Path(self._temp_dir) / "data"
        fixed_port = self.port
        last_error = ""
        for _attempt in range(3):
            port = fixed_port or free_port(self.host)
            cmd = [
                sys.executable,
                "-m",
                "queen_server",
                "--host",
                self.host,
                "--port",
                str(port),
                "--log-level",
                self.log_level,
                "--workers",
                str(self.workers),
            ]
            cmd += ["--dsn", self.dsn] if self.dsn else ["--data-dir", str(data_dir)]
            cmd += self.args
            env = {**os.environ, **(self.env or {})}
            env.pop("QUEEN_PG_DSN", None) if not self.dsn else None
            with open(self._log_path, "ab") as log_file:
                self._proc = subprocess.Popen(
                    cmd,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    env=env,
                    start_new_session=True,
                )
            self.port = port
            if self._wait_healthy():
                return self.url
            last_error = self.log_text()[-3000:]
            self._terminate()
            self.port = fixed_port
        self._cleanup_temp()
        raise ServerStartError(f"queen_server did not start; its log ends with:\n{last_error}")

    def _wait_healthy(self) -> bool:
        assert self._proc is not None
        assert self.port is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return False
            if _healthy(self.host, self.port):
                return True
            time.sleep(0.05)
        return False

    def _terminate(self, timeout: float = 20.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def _cleanup_temp(self) -> None:
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s) and remove temporary files."""
        self._terminate()
        self._cleanup_temp()

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> ServerProcess:
        import anyio.to_thread

        await anyio.to_thread.run_sync(self.start)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        import anyio.to_thread

        await anyio.to_thread.run_sync(self.stop)
