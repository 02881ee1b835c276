"""Every operation of openapi.yaml is routed to a handler, and every route is in the spec."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from queen_server.router import Router
from queen_server.routes import all_routes

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
METHODS = ("get", "post", "put", "delete", "patch")


def test_every_operation_has_a_handler() -> None:
    router = Router(all_routes())
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    served = []
    for template, item in spec["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            path = re.sub(r"\{[^}]*\}", "x", template)
            found = router.match(method.upper(), path)
            assert found is not None, f"{method.upper()} {template} is not routed"
            served.append(item[method]["operationId"])
    # the 69th operation, OPTIONS /{path}, is answered by the app for any path (test_http_basics)
    assert len(served) == len(set(served)) == 68


def test_every_route_is_an_operation_of_the_spec() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    operations = {
        (method.upper(), re.sub(r"\{[^}]*\}", "{}", template))
        for template, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }
    routes = {(r.method, re.sub(r"\{[^}]*\}", "{}", r.pattern)) for r in all_routes()}
    assert routes - operations == set()
