"""A throw-away embedded PostgreSQL for one benchmark."""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from queen_server.launch import EmbeddedPostgres


@contextmanager
def embedded_database() -> Iterator[str]:
    """Start an embedded PostgreSQL in a temporary directory; yield its DSN; remove it."""
    with tempfile.TemporaryDirectory(prefix="queen-bench-") as tmp:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            database = EmbeddedPostgres(tmp, delete=True)
            dsn = database.start()
        try:
            yield dsn
        finally:
            database.stop()
