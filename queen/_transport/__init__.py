"""HTTP transport: servers, load balancing, health, failover, retries and deadlines, above
one HTTP backend seam (the fast default, httpx, or in memory)."""

from ._backend import BackendError, HttpBackend, HttpRequest, HttpResponse, Limits
from ._balancer import Balancer, Server, fnv1a_32
from ._fast import FastBackend
from ._http import Transport, encode_query, error_for, parse_body
from ._memory import MemoryBackend

__all__ = [
    "BackendError",
    "Balancer",
    "FastBackend",
    "HttpBackend",
    "HttpRequest",
    "HttpResponse",
    "Limits",
    "MemoryBackend",
    "Server",
    "Transport",
    "encode_query",
    "error_for",
    "fnv1a_32",
    "parse_body",
]


def __getattr__(name: str) -> object:
    if name == "HttpxBackend":  # imports httpx: only when asked for
        from ._httpx import HttpxBackend

        return HttpxBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
