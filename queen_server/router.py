"""A small exact-match router: method + path pattern → handler.

Patterns are literal paths whose segments may be ``{name}`` placeholders; a placeholder
matches one non-empty segment, taken raw (no percent-decoding, as upstream). Paths must match
exactly: a trailing slash is another path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from queen_server.web import Handler


@dataclass(frozen=True)
class Route:
    """One endpoint: ``Route("GET", "/api/v1/things/{id}", handler)``."""

    method: str
    pattern: str
    handler: Handler


@dataclass(frozen=True)
class _Compiled:
    route: Route
    segments: tuple[str | None, ...]  # None = placeholder
    names: tuple[str, ...]


class Router:
    """Resolves requests to routes; static paths by dict lookup, the rest by segment match."""

    def __init__(self, routes: Iterable[Route] = ()) -> None:
        self._static: dict[tuple[str, str], Route] = {}
        self._dynamic: dict[str, dict[int, list[_Compiled]]] = {}
        for route in routes:
            self.add(route)

    def add(self, route: Route) -> None:
        """Register a route; the same method + pattern twice is a programming error."""
        parts = route.pattern.split("/")
        if not any(p.startswith("{") for p in parts):
            key = (route.method, route.pattern)
            if key in self._static:
                raise ValueError(f"duplicate route {route.method} {route.pattern}")
            self._static[key] = route
            return
        segments = tuple(None if p.startswith("{") else p for p in parts)
        names = tuple(p[1:-1] for p in parts if p.startswith("{"))
        bucket = self._dynamic.setdefault(route.method, {}).setdefault(len(parts), [])
        if any(c.segments == segments for c in bucket):
            raise ValueError(f"duplicate route {route.method} {route.pattern}")
        # literal segments win over placeholders (e.g. /traces/names before /traces/{id})
        bucket.append(_Compiled(route, segments, names))
        bucket.sort(key=lambda c: [s is None for s in c.segments])

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        route = self._static.get((method, path))
        if route is not None:
            return route, {}
        by_length = self._dynamic.get(method)
        if not by_length:
            return None
        parts = path.split("/")
        for compiled in by_length.get(len(parts), ()):
            values: list[str] = []
            for want, got in zip(compiled.segments, parts, strict=True):
                if want is None:
                    if not got:
                        break
                    values.append(got)
                elif want != got:
                    break
            else:
                return compiled.route, dict(zip(compiled.names, values, strict=True))
        return None

    def routes(self) -> list[Route]:
        """Every registered route (static first)."""
        dynamic = [
            c.route for by_len in self._dynamic.values() for group in by_len.values() for c in group
        ]
        return list(self._static.values()) + dynamic
