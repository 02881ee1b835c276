"""Route table: each module lists its endpoints in ``ROUTES``; this package gathers them.

To add an endpoint group, create a module here with a ``ROUTES`` list and add it to
``ROUTE_MODULES``.
"""

from __future__ import annotations

import re
from importlib import import_module

from queen_server.router import Route

ROUTE_MODULES = [
    "queen_server.routes.health",
    "queen_server.routes.configure",
    "queen_server.routes.push",
    "queen_server.routes.pop",
    "queen_server.routes.ack",
    "queen_server.routes.transaction",
    "queen_server.routes.lease",
    "queen_server.routes.traces",
    "queen_server.routes.system",
    "queen_server.routes.trace_queries",
    "queen_server.routes.dlq",
    "queen_server.routes.messages",
    "queen_server.routes.resources",
    "queen_server.routes.consumer_groups",
    "queen_server.routes.status",
    "queen_server.routes.analytics",
    "queen_server.routes.migration",
    "queen_server.routes.streams",
]


def all_routes() -> list[Route]:
    """Every route of the server; a method + path served twice is a programming error."""
    seen: dict[tuple[str, str], str] = {}
    routes: list[Route] = []
    for module_name in ROUTE_MODULES:
        module = import_module(module_name)
        for route in module.ROUTES:
            key = (route.method, re.sub(r"\{[^}]*\}", "{}", route.pattern))
            if key in seen:
                raise RuntimeError(
                    f"{route.method} {route.pattern} is served by both {seen[key]} and "
                    f"{module_name}"
                )
            seen[key] = module_name
            routes.append(route)
    return routes
