"""An embedded PostgreSQL (the ``pgserver`` package) living in a directory of its own."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import Any

from queen_server import extra

log = logging.getLogger("queen_server.embedded")


class EmbeddedPostgres:
    """Starts PostgreSQL with its data in ``<data_dir>/pgdata`` (created on first use).

    ``with EmbeddedPostgres(path) as pg: pg.dsn`` — stopped on exit; with ``delete=True`` the
    data directory is removed too (handy for throw-away test databases). Several processes may
    use the same directory: the server stops when the last of them lets go.
    """

    def __init__(self, data_dir: str | Path, *, delete: bool = False) -> None:
        self.data_dir = Path(data_dir).expanduser().resolve()
        self.delete = delete
        self._server: Any = None

    @property
    def pgdata(self) -> Path:
        return self.data_dir / "pgdata"

    @property
    def dsn(self) -> str:
        if self._server is None:
            raise RuntimeError("the embedded PostgreSQL is not running")
        uri: str = self._server.get_uri()
        return uri

    def start(self) -> str:
        """Start (or attach to) the database; returns its DSN."""
        if self._server is None:
            extra.require()
            # imported lazily: it is slow to import and only needed here
            from pgserver.postgres_server import PostgresServer, get_server

            self.data_dir.mkdir(parents=True, exist_ok=True)
            with PostgresServer._lock:
                self._forget_dead_users()
            self._server = get_server(self.pgdata, cleanup_mode="delete" if self.delete else "stop")
            log.debug("embedded PostgreSQL ready in %s", self.pgdata)
        return self.dsn

    def stop(self) -> None:
        """Stop the database (when no other process still uses it)."""
        server, self._server = self._server, None
        if server is not None:
            from pgserver.postgres_server import PostgresServer

            with PostgresServer._lock:
                self._forget_dead_users()
            server.cleanup()

    def _forget_dead_users(self) -> None:
        """Drop processes that died without letting go from pgserver's list of users, so the
        last live user really stops the database."""
        handles = self.pgdata / ".handle_pids.json"
        with contextlib.suppress(OSError, ValueError):
            pids = json.loads(handles.read_text())
            alive = [pid for pid in pids if _alive(pid)]
            if alive != pids:
                handles.write_text(json.dumps(alive))

    def __enter__(self) -> EmbeddedPostgres:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
