"""`openapi.yaml` is a valid OpenAPI 3.1 document and keeps the fixed operation names."""

from __future__ import annotations

import re
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, item[method])
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_every_operation_has_a_snake_case_id_a_known_tag_and_a_description(
    spec: dict[str, Any],
) -> None:
    tags = {tag["name"] for tag in spec["tags"]}
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for method, path, op in operations(spec):
        where = f"{method.upper()} {path}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op["operationId"]), where
        assert len(op["tags"]) == 1, where
        assert op["tags"][0] in tags, where
        assert op.get("description") or op.get("summary"), where


def test_every_operation_documents_a_success_response(spec: dict[str, Any]) -> None:
    for method, path, op in operations(spec):
        codes = set(op["responses"])
        assert codes & {"200", "201", "202", "204"}, f"{method.upper()} {path}: {sorted(codes)}"


def test_extensions_are_marked_and_explain_the_upstream_answer(spec: dict[str, Any]) -> None:
    extensions = [op for _, _, op in operations(spec) if op.get("x-queen-extension")]
    assert extensions, "the spec describes the routes only queen_server serves"
    for op in extensions:
        assert op["x-queen-extension"] is True
        assert "404" in op["responses"], op["operationId"]
