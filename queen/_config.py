"""Client options: accept ``Queen(url)``, ``Queen([urls])``, ``Queen({...})`` and keywords.

I/O-free. Keyword arguments are honoured with every form and override the dict form. Every
invalid value raises :class:`QueenConfigError` naming the option and the value.
"""

from __future__ import annotations

import difflib
import re
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ._errors import QueenConfigError

STRATEGIES = ("affinity", "round-robin", "session")
HTTP_BACKENDS = ("auto", "native", "httpx")

DEFAULTS: dict[str, Any] = {
    "timeout_millis": 30_000,
    "retry_attempts": 3,
    "retry_delay_millis": 1_000,
    "retry_max_delay_millis": 10_000,
    "load_balancing_strategy": "affinity",
    "affinity_hash_ring": 128,
    "enable_failover": True,
    "health_retry_after_millis": 5_000,
    "bearer_token": None,
    "headers": {},
    "close_timeout_millis": 30_000,
    "max_connections": 100,
    "http_backend": "auto",
}

_KNOWN = {"url", "urls", *DEFAULTS}
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass(frozen=True)
class ClientConfig:
    """Validated client options (see the README's defaults table)."""

    urls: tuple[str, ...]
    timeout_millis: int = 30_000
    retry_attempts: int = 3
    retry_delay_millis: int = 1_000
    retry_max_delay_millis: int = 10_000
    load_balancing_strategy: str = "affinity"
    affinity_hash_ring: int = 128
    enable_failover: bool = True
    health_retry_after_millis: int = 5_000
    bearer_token: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    close_timeout_millis: int = 30_000
    max_connections: int = 100
    http_backend: str = "native"  # resolved: "native" or "httpx"


def _snake(key: str) -> str:
    return _CAMEL.sub("_", key).lower() if key not in _KNOWN else key


def _reject_unknown(key: str) -> None:
    hint = difflib.get_close_matches(key, sorted(_KNOWN), n=1)
    suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
    raise QueenConfigError(f"unknown client option {key!r}{suggestion}")


def _check_url(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise QueenConfigError(f"{key} must be an http:// or https:// URL string, got {value!r}")
    stripped = value.rstrip("/")
    if stripped in ("http:", "https:"):
        raise QueenConfigError(f"{key} has no host: {value!r}")
    return stripped


def _int_option(options: dict[str, Any], key: str, minimum: int) -> int:
    value = options[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise QueenConfigError(f"{key} must be an integer >= {minimum}, got {value!r}")
    return value


def normalise(config: Any = None, **keywords: Any) -> ClientConfig:
    """Build a :class:`ClientConfig` from any accepted form plus keyword overrides."""
    options: dict[str, Any] = {}
    if config is None:
        pass
    elif isinstance(config, str):
        options["urls"] = [config]
    elif isinstance(config, Mapping):
        options.update({_snake(str(k)): v for k, v in config.items()})
    elif isinstance(config, Sequence):
        options["urls"] = list(config)
    else:
        raise QueenConfigError(
            "Queen() takes a URL string, a list of URLs or a dict of options, "
            f"got {type(config).__name__}: {config!r}"
        )
    for key, value in keywords.items():
        key = _snake(key)
        if value is not None or key in ("bearer_token",):
            options[key] = value
    for key in options:
        if key not in _KNOWN:
            _reject_unknown(key)

    urls: list[str] = []
    if "url" in options and options["url"] is not None:
        urls.append(_check_url(options.pop("url"), "url"))
    else:
        options.pop("url", None)
    raw_urls = options.pop("urls", None)
    if raw_urls is not None:
        if isinstance(raw_urls, str) or not isinstance(raw_urls, Sequence):
            raise QueenConfigError(f"urls must be a list of URL strings, got {raw_urls!r}")
        urls.extend(_check_url(u, f"urls[{i}]") for i, u in enumerate(raw_urls))
    if not urls:
        raise QueenConfigError("no server URL given: pass a URL, a list of URLs, or urls=[...]")
    deduplicated = tuple(dict.fromkeys(urls))

    merged = {**DEFAULTS, **options}
    strategy = merged["load_balancing_strategy"]
    if strategy not in STRATEGIES:
        raise QueenConfigError(
            f"load_balancing_strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}"
        )
    if not isinstance(merged["enable_failover"], bool):
        raise QueenConfigError(
            f"enable_failover must be True or False, got {merged['enable_failover']!r}"
        )
    backend = merged["http_backend"]
    if backend not in HTTP_BACKENDS:
        raise QueenConfigError(
            f"http_backend must be one of {', '.join(HTTP_BACKENDS)}, got {backend!r}"
        )
    token = merged["bearer_token"]
    if token is not None and (not isinstance(token, str) or not token):
        raise QueenConfigError(f"bearer_token must be a non-empty string, got {token!r}")
    headers = merged["headers"] or {}
    if not isinstance(headers, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise QueenConfigError(f"headers must be a dict of str to str, got {headers!r}")

    return ClientConfig(
        urls=deduplicated,
        timeout_millis=_int_option(merged, "timeout_millis", 1),
        retry_attempts=_int_option(merged, "retry_attempts", 1),
        retry_delay_millis=_int_option(merged, "retry_delay_millis", 0),
        retry_max_delay_millis=_int_option(merged, "retry_max_delay_millis", 0),
        load_balancing_strategy=strategy,
        affinity_hash_ring=_int_option(merged, "affinity_hash_ring", 1),
        enable_failover=merged["enable_failover"],
        health_retry_after_millis=_int_option(merged, "health_retry_after_millis", 0),
        bearer_token=token,
        headers=dict(headers),
        close_timeout_millis=_int_option(merged, "close_timeout_millis", 0),
        max_connections=_int_option(merged, "max_connections", 1),
        http_backend=_resolve_backend(backend, deduplicated),
    )


def _resolve_backend(requested: str, urls: Sequence[str]) -> str:
    """``auto``: the native backend, unless the environment routes a server through a proxy.

    The native backend speaks to servers directly; httpx honours ``HTTP(S)_PROXY`` /
    ``ALL_PROXY`` and ``NO_PROXY``, so a proxied deployment keeps working without setting
    anything.
    """
    if requested != "auto":
        return requested
    proxies = urllib.request.getproxies_environment()
    for url in urls:
        parts = urlsplit(url)
        if (parts.scheme in proxies or "all" in proxies) and not _bypassed(parts.netloc, proxies):
            return "httpx"
    return "native"


# NO_PROXY matching as httpx (and the standard library) do it; not declared in typeshed
_bypassed = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
