"""The standard-library-only modules generated from `openapi.yaml` beside openapi-python-client's.

* `schemas.py` — a `TypedDict` (or type alias) per component schema: the request bodies and
  answers as the plain dicts they are on the wire.
* `builders.py` — one typed request builder per operation: the `request_kwargs` of the endpoint
  modules, without httpx, attrs or the models, typed so a type checker checks every argument.
* `options.py` — the queue options of the `QueueOptions` schema with their types and defaults.

Each function here returns a module's source; `generate.py` writes and formats it.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from typing import Any

from openapi_python_client.strings import PythonIdentifier

HEADER = "# Generated from openapi.yaml by generator/generate.py: do not edit."
FIELD_PREFIX = "field_"  # as in generator/config.yaml
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
SCHEMA_REF = "#/components/schemas/"
PARAMETER_REF = "#/components/parameters/"


def _docstring(text: str, indent: str = "") -> str:
    """A triple-quoted docstring of ``text`` (collapsed to one paragraph per blank line)."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    body = f"\n\n{indent}".join(_wrap(p, indent) for p in paragraphs)
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body += " "
    return f'{indent}"""{body}"""' if "\n" not in body else f'{indent}"""{body}\n{indent}"""'


def _wrap(text: str, indent: str, width: int = 96) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(indent) + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return f"\n{indent}".join(lines)


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.+?\.)(\s|$)", flat)
    return match.group(1) if match else flat


# ------------------------------------------------------------------------------ schemas
class Schemas:
    """Python type expressions for the spec's schemas."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.components: dict[str, Any] = spec["components"]["schemas"]

    def is_typed_dict(self, name: str) -> bool:
        schema = self.components[name]
        return _types(schema) == ["object"] and bool(schema.get("properties"))

    def type_of(self, schema: dict[str, Any]) -> str:
        """The Python type of a value valid against ``schema``."""
        if "$ref" in schema:
            return _ref_name(schema["$ref"])
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                return _union(self.type_of(member) for member in schema[combinator])
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            literal = f"Literal[{', '.join(repr(v) for v in values)}]"
            return _union([literal, "None"] if None in schema["enum"] else [literal])
        types = _types(schema)
        if not types:
            return "Any"
        return _union(self._type_of_kind(kind, schema) for kind in types)

    def _type_of_kind(self, kind: str, schema: dict[str, Any]) -> str:
        if kind == "array":
            items = schema.get("items")
            return f"list[{self.type_of(items) if items else 'Any'}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra and not schema.get("properties"):
                return f"dict[str, {self.type_of(extra)}]"
            return "dict[str, Any]"
        return SCALARS[kind]

    def references(self, schema: Any) -> Iterator[str]:
        """Names of the component schemas ``schema`` refers to."""
        if isinstance(schema, dict):
            if "$ref" in schema:
                yield _ref_name(schema["$ref"])
            for value in schema.values():
                yield from self.references(value)
        elif isinstance(schema, list):
            for value in schema:
                yield from self.references(value)

    def ordered(self) -> list[str]:
        """Component names, each after the ones it refers to (spec order otherwise)."""
        done: dict[str, None] = {}
        active: list[str] = []

        def visit(name: str) -> None:
            if name in done:
                return
            if name in active:
                raise SystemExit(f"schemas refer to each other in a cycle: {[*active, name]}")
            active.append(name)
            for ref in self.references(self.components[name]):
                visit(ref)
            active.pop()
            done[name] = None

        for name in self.components:
            visit(name)
        return list(done)

    def definition(self, name: str) -> str:
        schema = self.components[name]
        doc = schema.get("description") or f"The `{name}` schema of openapi.yaml."
        if not self.is_typed_dict(name):
            return f"{name} = {self.type_of(schema)}\n{_docstring(doc)}\n"
        required = set(schema.get("required", []))
        properties: dict[str, Any] = schema["properties"]
        total = bool(required)
        fields = []
        for key, prop in properties.items():
            kind = self.type_of(prop)
            fields.append((key, kind if key in required or not total else f"NotRequired[{kind}]"))
        closing = "" if total else ", total=False"
        if all(key.isidentifier() and not keyword.iskeyword(key) for key, _ in fields):
            lines = [f"class {name}(TypedDict{closing}):", _docstring(doc, "    "), ""]
            lines += [f"    {key}: {kind}" for key, kind in fields]
            return "\n".join(lines) + "\n"
        # keys that are not identifiers (e.g. `from`) need the functional form
        items = "".join(f"        {key!r}: {kind},\n" for key, kind in fields)
        return (
            f"{name} = TypedDict(\n    {name!r},\n    {{\n{items}    }}{closing},\n)\n"
            f"{_docstring(doc)}\n"
        )


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return []
    return list(kind) if isinstance(kind, list) else [kind]


def _ref_name(ref: str) -> str:
    if not ref.startswith(SCHEMA_REF):
        raise SystemExit(f"unsupported $ref {ref!r}")
    return ref[len(SCHEMA_REF) :]


def _union(parts: Any) -> str:
    seen: dict[str, None] = {}
    for part in parts:
        for piece in part.split(" | "):
            seen[piece] = None
    if "Any" in seen:
        return "Any"
    if "None" in seen:  # None last, as usual
        del seen["None"]
        seen["None"] = None
    return " | ".join(seen)


def schemas_module(spec: dict[str, Any]) -> str:
    """`queen_generated/schemas.py`."""
    schemas = Schemas(spec)
    names = schemas.ordered()
    out = [
        '"""The component schemas of openapi.yaml as `TypedDict`s: request bodies and answers as the',
        "plain dicts they are on the wire (keys spelled as on the wire). Schemas that are not objects",
        "are type aliases. Only `typing` and `typing_extensions` are imported.",
        '"""',
        "",
        HEADER,
        "",
        "from typing import Any, Literal",
        "",
        "from typing_extensions import NotRequired, TypedDict",
        "",
        f"__all__ = [{', '.join(repr(n) for n in sorted(names))}]",
        "",
    ]
    out += ["", *(schemas.definition(name) + "\n" for name in names)]
    return "\n".join(out)


# ------------------------------------------------------------------------------ builders
def _parameter(spec: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in parameter:
        ref: str = parameter["$ref"]
        return dict(spec["components"]["parameters"][ref[len(PARAMETER_REF) :]])
    return parameter


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any], list[Any]]]:
    """``(operation_id, method, path, operation, parameters)`` of every generated operation."""
    for path, item in spec["paths"].items():
        shared = [_parameter(spec, p) for p in item.get("parameters", [])]
        for method in METHODS:
            operation = item.get(method)
            if operation is None or "operationId" not in operation:
                continue
            own = [_parameter(spec, p) for p in operation.get("parameters", [])]
            names = {(p["name"], p["in"]) for p in own}
            merged = [p for p in shared if (p["name"], p["in"]) not in names] + own
            yield operation["operationId"], method, path, operation, merged


def _builder(
    schemas: Schemas,
    operation_id: str,
    method: str,
    path: str,
    operation: dict[str, Any],
    parameters: list[dict[str, Any]],
) -> tuple[str, set[str]]:
    """One builder function's source and the schema names its signature uses."""
    unsupported = [p["name"] for p in parameters if p["in"] not in ("path", "query")]
    if unsupported:
        raise SystemExit(f"{operation_id}: only path and query parameters are supported")
    by_name = {p["name"]: p for p in parameters if p["in"] == "path"}
    path_names = re.findall(r"\{([^}]+)\}", path)
    if sorted(path_names) != sorted(by_name):
        raise SystemExit(f"{operation_id}: path parameters do not match {path}")
    query = [p for p in parameters if p["in"] == "query"]
    python = {p["name"]: PythonIdentifier(p["name"], FIELD_PREFIX) for p in parameters}
    if len(set(python.values())) != len(python):
        raise SystemExit(f"{operation_id}: two parameters have the same Python name")

    arguments = [f"{python[name]}: str" for name in path_names]
    keyword_only: list[str] = []
    used: set[str] = set()
    body = operation.get("requestBody")
    if body is not None:
        content = body["content"]
        if list(content) != ["application/json"]:
            raise SystemExit(f"{operation_id}: only JSON request bodies are supported")
        schema = content["application/json"]["schema"]
        used |= set(schemas.references(schema))
        body_type = schemas.type_of(schema)
        if body.get("required"):
            keyword_only.append(f"body: {body_type}")
        else:
            keyword_only.append(f"body: {body_type} | None = None")
    for p in query:
        kind = schemas.type_of(p["schema"])
        if p.get("required"):
            keyword_only.append(f"{python[p['name']]}: {kind}")
        else:
            keyword_only.append(f"{python[p['name']]}: {kind} | None = None")
    signature = arguments + (["*", *keyword_only] if keyword_only else [])

    url = path
    for name in path_names:
        url = url.replace(f"{{{name}}}", f"{{quote(str({python[name]}), safe=PATH_SAFE)}}")
    url_expression = f'f"{url}"' if path_names else f'"{url}"'
    summary = operation.get("summary", operation_id)
    lines = [
        f"def {operation_id}({', '.join(signature)}) -> dict[str, Any]:",
        _docstring(f"`{method.upper()} {path}`: {summary}.", "    "),
    ]
    entries = [f'"method": "{method}"', f'"url": {url_expression}']
    if query:
        pairs = ", ".join(f'"{p["name"]}": {python[p["name"]]}' for p in query)
        lines.append(f"    params = {{{pairs}}}")
        entries.append('"params": {k: v for k, v in params.items() if v is not None}')
    if body is not None:
        entries.append('"headers": {"Content-Type": "application/json"}')
    lines.append(f"    kwargs: dict[str, Any] = {{{', '.join(entries)}}}")
    if body is not None:
        if body.get("required"):
            lines.append('    kwargs["json"] = body')
        else:
            lines.append("    if body is not None:")
            lines.append('        kwargs["json"] = body')
    lines.append("    return kwargs")
    return "\n".join(lines) + "\n", used


def builders_module(spec: dict[str, Any]) -> str:
    """`queen_generated/builders.py`."""
    schemas = Schemas(spec)
    functions: list[str] = []
    tags: list[str] = []
    used: set[str] = set()
    for operation_id, method, path, operation, parameters in operations(spec):
        source, names = _builder(schemas, operation_id, method, path, operation, parameters)
        functions.append(source)
        used |= names
        tags.append(f'    "{operation_id}": "{operation["tags"][0]}",')
    imports = ", ".join(sorted(used))
    out = [
        '"""Typed request builders: one function per operation of openapi.yaml.',
        "",
        "Each returns the keyword arguments of the HTTP request, as the `request_kwargs` of the",
        "endpoint modules in `queen_generated.api` do: `method`, `url` (path parameters",
        "percent-quoted except for `PATH_SAFE`), `params` when the operation has query parameters",
        "(those that are not None: None means not sent), and `json` plus `headers` when it has a",
        "body. Only the standard library is imported; the signatures use the `TypedDict`s of",
        "`schemas`, so a type checker checks every argument.",
        '"""',
        "",
        HEADER,
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any, Literal",
        "from urllib.parse import quote",
        "",
        "if TYPE_CHECKING:",
        f"    from .schemas import {imports}",
        "",
        "#: characters path parameters carry unescaped: Queen servers do not percent-decode paths",
        'PATH_SAFE = "!$&\'()*+,;=:@"',
        "",
        "#: the tag of every operation (its endpoint module is `queen_generated.api.<tag>.<name>`)",
        "TAGS: dict[str, str] = {",
        *tags,
        "}",
        "",
        "",
    ]
    return "\n".join(out) + "\n\n".join(functions) + "\n"


# ------------------------------------------------------------------------------ options
def options_module(spec: dict[str, Any]) -> str:
    """`queen_generated/options.py`: the `QueueOptions` schema as a table."""
    schema = spec["components"]["schemas"]["QueueOptions"]
    rows = []
    for name, prop in schema["properties"].items():
        kind = SCALARS[prop["type"]]
        if kind not in ("int", "bool") or "default" not in prop:
            raise SystemExit(f"QueueOptions.{name}: only int and bool options with a default")
        description = " ".join(str(prop.get("description", "")).split())
        rows += [f"    #: {description}", f'    "{name}": ({kind}, {prop["default"]!r}),']
    return "\n".join(
        [
            '"""The queue options of openapi.yaml (the `QueueOptions` schema): name as on the wire',
            "(camelCase), Python type (`int` or `bool`) and the value a queue gets when the option",
            'is not sent. Only the standard library is imported."""',
            "",
            HEADER,
            "",
            "QUEUE_OPTIONS: dict[str, tuple[type[int], int] | tuple[type[bool], bool]] = {",
            *rows,
            "}",
            "",
        ]
    )
