"""Server settings, from the command line or the environment.

Every setting a team may need to change has an environment variable; the command line
(``queen_server.__main__``) overrides it. Upstream's names are used where upstream has the
setting (``JWT_*``, ``DEFAULT_*``); the others start with ``QUEEN_``.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from queen_server.auth_settings import AuthSettings, auth_from_env

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 6632
ENV_DSN = "QUEEN_PG_DSN"
ENV_DATA_DIR = "QUEEN_DATA_DIR"
ENV_CONSOLE_API = "QUEEN_CONSOLE_API"
ENV_CORS_ORIGINS = "QUEEN_CORS_ORIGINS"
ENV_INSECURE = "QUEEN_INSECURE"
APP_NAME = "queen-server"

MIB = 1024 * 1024


class SettingsError(ValueError):
    """A setting has a value the server cannot use (the message names it and the value)."""


def default_data_dir() -> Path:
    """The per-user data directory (e.g. ``~/.local/share/queen-server`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Limits:
    """What one client may make the server hold. Defaults suit a team server; all are
    configurable (``queen-server --help``, README "Running queen_server for a team")."""

    #: request line plus all header lines (431 beyond)
    max_header_bytes: int = 32 * 1024
    #: number of header lines (431 beyond)
    max_headers: int = 100
    #: one request body (413 beyond)
    max_body_bytes: int = 32 * MIB
    #: nesting of arrays and objects in a JSON body (400 beyond)
    max_json_depth: int = 64
    #: seconds from a request's first byte (or the connection's opening) to its last header
    header_timeout: float = 10.0
    #: seconds to receive a whole request body once its headers are in (408 beyond)
    body_timeout: float = 60.0
    #: bytes of request bodies larger than ``LARGE_BODY_BYTES`` held at once by one process;
    #: further large bodies wait for room (503 with Retry-After when none frees up in time)
    body_memory_bytes: int = 64 * MIB

    def problems(self) -> list[str]:
        found = []
        for name in ("max_header_bytes", "max_headers", "max_body_bytes", "body_memory_bytes"):
            if getattr(self, name) < 1:
                found.append(f"{name} must be at least 1, got {getattr(self, name)}")
        if not 1 <= self.max_json_depth <= MAX_JSON_DEPTH_CEILING:
            found.append(
                f"max_json_depth must be between 1 and {MAX_JSON_DEPTH_CEILING}, "
                f"got {self.max_json_depth}"
            )
        for name in ("header_timeout", "body_timeout"):
            if getattr(self, name) <= 0:
                found.append(f"{name} must be more than 0 seconds, got {getattr(self, name)}")
        if self.body_memory_bytes < self.max_body_bytes:
            found.append(
                f"body_memory_bytes ({self.body_memory_bytes}) must be at least max_body_bytes "
                f"({self.max_body_bytes}): one largest body must fit"
            )
        return found


#: orjson serialises at most 254 levels; answers wrap payloads in a few more
MAX_JSON_DEPTH_CEILING = 240

#: environment variable → (Limits field, parser)
LIMIT_ENV: dict[str, tuple[str, type]] = {
    "QUEEN_MAX_HEADER_BYTES": ("max_header_bytes", int),
    "QUEEN_MAX_HEADERS": ("max_headers", int),
    "QUEEN_MAX_BODY_BYTES": ("max_body_bytes", int),
    "QUEEN_MAX_JSON_DEPTH": ("max_json_depth", int),
    "QUEEN_HEADER_TIMEOUT": ("header_timeout", float),
    "QUEEN_BODY_TIMEOUT": ("body_timeout", float),
    "QUEEN_BODY_MEMORY_BYTES": ("body_memory_bytes", int),
}


def limits_from_env(environ: Mapping[str, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for env, (name, kind) in LIMIT_ENV.items():
        raw = environ.get(env, "").strip()
        if raw:
            try:
                values[name] = kind(raw)
            except ValueError:
                raise SettingsError(f"{env} must be a number, got {raw!r}") from None
    return values


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def env_flag(environ: Mapping[str, str], name: str) -> bool:
    """Upstream's boolean rule: only ``true`` (any case) or ``1`` is true."""
    return environ.get(name, "").strip().lower() in ("true", "1")


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
    auth: AuthSettings = field(default_factory=AuthSettings)
    limits: Limits = field(default_factory=Limits)
    #: origins browsers may call from (CORS); empty: no CORS headers at all; ``*``: any
    cors_origins: tuple[str, ...] = ()
    #: serve a non-loopback address without authentication (warned about at every start)
    insecure: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from QUEEN_* / upstream environment variables, then ``overrides``.

        Raises ``SettingsError`` naming the variable and the value it cannot use."""
        env = os.environ if environ is None else environ
        try:
            values: dict[str, object] = {
                "dsn": env.get(ENV_DSN, ""),
                "default_timeout_ms": int(env.get("DEFAULT_TIMEOUT", "30000")),
                "default_batch": int(env.get("DEFAULT_BATCH_SIZE", "1")),
                "default_subscription_mode": env.get("DEFAULT_SUBSCRIPTION_MODE", ""),
                "pool_max": int(env.get("QUEEN_PG_POOL_MAX", "20")),
                "console_api": env.get(ENV_CONSOLE_API, ""),
            }
        except ValueError as exc:
            raise SettingsError(f"a numeric setting is not a number: {exc}") from None
        values["auth"] = auth_from_env(env)
        values["limits"] = Limits(**limits_from_env(env))  # type: ignore[arg-type]
        values["cors_origins"] = split_list(env.get(ENV_CORS_ORIGINS, ""))
        values["insecure"] = env_flag(env, ENV_INSECURE)
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def problems(self) -> list[str]:
        """What keeps the server from starting with these settings (empty: none)."""
        found = self.limits.problems() + self.auth.problems()
        if not is_loopback(self.host) and not self.auth.enabled and not self.insecure:
            found.append(
                f"refusing to listen on {self.host} without authentication: anyone who can "
                "reach the port could read, write and delete every queue. Configure tokens "
                "(--auth-token / QUEEN_AUTH_TOKENS) or JWT (JWT_ENABLED=true), or pass "
                f"--insecure ({ENV_INSECURE}=true) to serve it open anyway"
            )
        return found


def split_list(raw: str) -> tuple[str, ...]:
    """A comma-separated list, blanks trimmed, empty entries dropped."""
    return tuple(part.strip() for part in raw.split(",") if part.strip())
