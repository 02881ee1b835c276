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
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._errors import QueenConfigError
from ._transport._backend import MAX_BODY_BYTES, MAX_HEADER_BYTES
from ._transport._tls import check_cert, check_ssl_context, check_verify

if TYPE_CHECKING:
    import ssl

    from ._transport._backend import HttpBackend

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
    "verify": True,
    "ssl_context": None,
    "cert": None,
    "max_response_header_bytes": MAX_HEADER_BYTES,
    "max_response_body_bytes": MAX_BODY_BYTES,
}
# options that configure the built-in backends' connections
_TLS_OPTIONS = ("verify", "ssl_context", "cert")

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
    #: resolved: "native", "httpx", or a backend object given by the caller
    http_backend: str | HttpBackend = "native"
    verify: bool | str = True
    ssl_context: ssl.SSLContext | None = None
    #: (certificate, key or None, password or None)
    cert: tuple[str, str | None, str | None] | None = None
    max_response_header_bytes: int = MAX_HEADER_BYTES
    max_response_body_bytes: int = MAX_BODY_BYTES


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
        if value is not None or key in ("bearer_token", "ssl_context", "cert"):
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
    backend = _check_backend(merged["http_backend"])
    verify = check_verify(merged["verify"])
    ssl_context = check_ssl_context(merged["ssl_context"])
    cert = check_cert(merged["cert"])
    if ssl_context is not None and (verify is not True or cert is not None):
        raise QueenConfigError(
            "ssl_context replaces verify and cert: configure them on the context instead "
            f"(got verify={merged['verify']!r}, cert={merged['cert']!r})"
        )
    if not isinstance(backend, str):
        given = [k for k in _TLS_OPTIONS if k in options and options[k] != DEFAULTS[k]]
        if given:
            raise QueenConfigError(
                f"{', '.join(given)} configure the built-in backends; with an http_backend "
                "object, configure TLS on that object"
            )
    token = merged["bearer_token"]
    if token is not None and (not isinstance(token, str) or not token):
        raise QueenConfigError(f"bearer_token must be a non-empty string, got {token!r}")
    headers = merged["headers"] or {}
    if not isinstance(headers, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise QueenConfigError(f"headers must be a dict of str to str, got {headers!r}")
    for name, value in headers.items():
        if not name or any(c in name + value for c in "\r\n\0"):
            raise QueenConfigError(
                f"headers: {name!r}: {value!r} is not a valid header (empty name, or a line break)"
            )

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
        verify=verify,
        ssl_context=ssl_context,
        cert=cert,
        max_response_header_bytes=_int_option(merged, "max_response_header_bytes", 1024),
        max_response_body_bytes=_int_option(merged, "max_response_body_bytes", 1024),
    )


def _check_backend(backend: Any) -> str | HttpBackend:
    """A backend name, or an object with ``send`` and ``aclose`` (see ``queen.backends``)."""
    if isinstance(backend, str):
        if backend not in HTTP_BACKENDS:
            raise QueenConfigError(
                f"http_backend must be one of {', '.join(HTTP_BACKENDS)} or a backend object, "
                f"got {backend!r}"
            )
        return backend
    if callable(getattr(backend, "send", None)) and callable(getattr(backend, "aclose", None)):
        return backend  # type: ignore[no-any-return]
    raise QueenConfigError(
        f"http_backend must be one of {', '.join(HTTP_BACKENDS)} or an object with async "
        f"send() and aclose() methods, got {backend!r}"
    )


def _resolve_backend(requested: str | HttpBackend, urls: Sequence[str]) -> str | HttpBackend:
    """``auto``: the native backend, unless the environment routes a server through a proxy.

    The native backend speaks to servers directly; httpx honours ``HTTP(S)_PROXY`` /
    ``ALL_PROXY`` and ``NO_PROXY``, so a proxied deployment keeps working without setting
    anything.
    """
    if not isinstance(requested, str) or requested != "auto":
        return requested
    proxies = urllib.request.getproxies_environment()
    for url in urls:
        parts = urlsplit(url)
        if (parts.scheme in proxies or "all" in proxies) and not _bypassed(parts.netloc, proxies):
            return "httpx"
    return "native"


# NO_PROXY matching as httpx (and the standard library) do it; not declared in typeshed
_bypassed = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
