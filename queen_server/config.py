"""Server settings, from the command line or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 6632
ENV_DSN = "QUEEN_PG_DSN"
ENV_DATA_DIR = "QUEEN_DATA_DIR"
ENV_CONSOLE_API = "QUEEN_CONSOLE_API"
APP_NAME = "queen-server"


def default_data_dir() -> Path:
    """The per-user data directory (e.g. ``~/.local/share/queen-server`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything a server process needs to know; ``dsn`` is always set by the time the app
    starts (the CLI starts the embedded database first when none was given)."""

    dsn: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    log_level: str = "info"
    pool_min: int = 2
    pool_max: int = 20
    #: index of this process among the server's workers (``--workers``), reported by /health
    worker_id: int = 0
    #: pop ``timeout`` default in ms (upstream DEFAULT_TIMEOUT)
    default_timeout_ms: int = 30000
    #: pop ``batch`` default (upstream DEFAULT_BATCH_SIZE)
    default_batch: int = 1
    #: pop ``subscriptionMode`` default (upstream DEFAULT_SUBSCRIPTION_MODE)
    default_subscription_mode: str = ""
    #: API base URL the web console at ``/`` calls; ``""``: this server (``--console-api``)
    console_api: str = ""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from QUEEN_* / upstream environment variables, then ``overrides``."""
        values: dict[str, object] = {
            "dsn": os.environ.get(ENV_DSN, ""),
            "default_timeout_ms": int(os.environ.get("DEFAULT_TIMEOUT", "30000")),
            "default_batch": int(os.environ.get("DEFAULT_BATCH_SIZE", "1")),
            "default_subscription_mode": os.environ.get("DEFAULT_SUBSCRIPTION_MODE", ""),
            "pool_max": int(os.environ.get("QUEEN_PG_POOL_MAX", "20")),
            "console_api": os.environ.get(ENV_CONSOLE_API, ""),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
