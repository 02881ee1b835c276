"""Is the ``server`` extra installed? One check and one message for everything that needs it.

The queen-mq wheel always contains ``queen_server``, but its third-party packages (the
PostgreSQL driver, the embedded PostgreSQL, the ASGI server, ...) come only with
``pip install 'queen-mq[server]'``. The CLI, ``ServerProcess``, ``EmbeddedPostgres`` and
``queen.testing`` check here first, so a missing extra is one line saying what to install,
not a ``ModuleNotFoundError`` deep inside a child process. This module imports nothing
outside the standard library.
"""

from __future__ import annotations

import importlib.util

#: the ``server`` extra's packages (pyproject.toml) → the top-level module each installs
MODULES = {
    "asyncpg": "asyncpg",
    "cryptography": "cryptography",
    "pgserver": "pgserver",
    "platformdirs": "platformdirs",
    "pyjwt": "jwt",
    "uvicorn": "uvicorn",
}
INSTALL = "pip install 'queen-mq[server]'"


class ServerExtraMissing(ImportError):
    """The ``server`` extra is not installed; the message says how to install it."""


def missing() -> list[str]:
    """The modules of the extra that cannot be imported (found without importing them)."""
    return [module for module in MODULES.values() if importlib.util.find_spec(module) is None]


def message(absent: list[str]) -> str:
    """What to tell the user when ``absent`` (from :func:`missing`) is not empty."""
    return (
        f"queen_server needs the 'server' extra of queen-mq, which is not installed "
        f"(missing: {', '.join(absent)}); install it with: {INSTALL}"
    )


def require() -> None:
    """Raise :class:`ServerExtraMissing` unless every module of the extra is installed."""
    absent = missing()
    if absent:
        raise ServerExtraMissing(message(absent), name=absent[0])
