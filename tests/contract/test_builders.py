"""The generated request builders and the client's `Endpoint`s over them.

`queen_generated.builders` must build exactly what the endpoint modules' `request_kwargs` build,
take the same parameter names, import only the standard library, and be typed so that mypy
rejects a wrong argument at a call site of `queen._endpoints`.
"""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from contract_support import REPO

from queen import _endpoints as ep
from queen_generated import builders
from queen_generated.options import QUEUE_OPTIONS

OPERATIONS = sorted(builders.TAGS)
# a path value that needs quoting, and one value per query parameter type
PATH_VALUE = "a b/ç?%"
SAMPLES: dict[Any, Any] = {str: "x y", int: 7, bool: True}

# The constants the client sends through, with today's retry decisions.
RETRY_SAFE = {
    "CONFIGURE_QUEUE": True,
    "PUSH_MESSAGES": True,
    "POP_QUEUE": False,
    "POP_PARTITION": False,
    "POP_FILTERED": False,
    "ACK_MESSAGE": False,  # repeated by the core, which settles lost answers
    "ACK_BATCH": False,
    "COMMIT_TRANSACTION": False,
    "EXTEND_LEASE": True,
    "RECORD_TRACE": False,
    "GET_MESSAGE_TRACES": True,
    "GET_TRACES_BY_NAME": True,
    "LIST_TRACE_NAMES": True,
    "LIST_DLQ": True,
    "LIST_MESSAGES": True,
    "GET_MESSAGE": True,
    "DELETE_MESSAGE": True,
    "RETRY_MESSAGE": False,
    "MOVE_MESSAGE_TO_DLQ": False,
    "GET_OVERVIEW": True,
    "LIST_QUEUES": True,
    "GET_QUEUE": True,
    "DELETE_QUEUE": True,
    "LIST_NAMESPACES": True,
    "LIST_TASKS": True,
    "LIST_PARTITIONS": True,
    "CLEAR_QUEUE": True,
    "LIST_CONSUMER_GROUPS": True,
    "LIST_LAGGING_CONSUMER_GROUPS": True,
    "GET_CONSUMER_GROUP": True,
    "DELETE_CONSUMER_GROUP": True,
    "UPDATE_CONSUMER_GROUP_SUBSCRIPTION": True,
    "DELETE_CONSUMER_GROUP_FOR_QUEUE": True,
    "SEEK_CONSUMER_GROUP": True,
    "SEEK_CONSUMER_GROUP_PARTITION": True,
    "REFRESH_STATS": True,
    "GET_STATUS": True,
    "LIST_STATUS_QUEUES": True,
    "GET_STATUS_QUEUE": True,
    "LIST_STATUS_QUEUE_MESSAGES": True,
    "GET_STATUS_ANALYTICS": True,
    "GET_STATUS_BUFFERS": True,
    "GET_SYSTEM_METRICS": True,
    "GET_WORKER_METRICS": True,
    "GET_QUEUE_LAG": True,
    "GET_QUEUE_OPS": True,
    "GET_QUEUE_PARKED_REPLICAS": True,
    "GET_RETENTION_ANALYTICS": True,
    "GET_POSTGRES_STATS": True,
    "GET_MAINTENANCE": True,
    "SET_MAINTENANCE": True,
    "GET_POP_MAINTENANCE": True,
    "SET_POP_MAINTENANCE": True,
    "GET_SHARED_STATE": True,
    "GET_HEALTH": True,
    "GET_METRICS": True,
    "GET_PROMETHEUS_METRICS": True,
}


def stock(operation_id: str) -> Any:
    return importlib.import_module(
        f"queen_generated.api.{builders.TAGS[operation_id]}.{operation_id}"
    )


def sample_arguments(operation_id: str) -> tuple[list[str], dict[str, Any]]:
    """Every argument of the builder set: path values that need quoting, a value per query
    parameter, and a plain JSON body."""
    positional: list[str] = []
    keywords: dict[str, Any] = {}
    hints = inspect.signature(getattr(builders, operation_id))
    for parameter in hints.parameters.values():
        annotation = str(parameter.annotation)
        if parameter.kind is parameter.POSITIONAL_OR_KEYWORD:
            positional.append(f"{PATH_VALUE}-{parameter.name}")
        elif parameter.name == "body":
            keywords["body"] = {"sample": [1, {"nested": None}]}
        else:
            kind = annotation.split(" | ")[0]
            keywords[parameter.name] = SAMPLES[{"str": str, "int": int, "bool": bool}[kind]]
    return positional, keywords


def test_every_operation_has_a_builder_and_a_stock_module() -> None:
    assert len(OPERATIONS) == 69
    for operation_id in OPERATIONS:
        assert callable(getattr(builders, operation_id))
        assert callable(stock(operation_id).request_kwargs)


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_builder_takes_the_stock_parameter_names(operation_id: str) -> None:
    mine = inspect.signature(getattr(builders, operation_id)).parameters
    theirs = inspect.signature(stock(operation_id).request_kwargs).parameters
    assert [(p.name, p.kind) for p in mine.values()] == [(p.name, p.kind) for p in theirs.values()]
    # optional arguments default to None (not sent), required ones have no default
    for name, parameter in mine.items():
        has_default = theirs[name].default is not inspect.Parameter.empty
        assert (
            (parameter.default is None)
            if has_default
            else (parameter.default is inspect.Parameter.empty)
        ), name


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_builder_builds_what_the_stock_module_builds(operation_id: str) -> None:
    positional, keywords = sample_arguments(operation_id)
    build = getattr(builders, operation_id)
    full = build(*positional, **keywords)
    assert full == stock(operation_id).request_kwargs(*positional, **keywords)
    assert PATH_VALUE not in full["url"], "path parameters are percent-quoted"
    if "body" in keywords:
        assert full["json"] is keywords["body"]
        assert full["headers"] == {"Content-Type": "application/json"}
    # only the path parameters (and a required body): no query parameter is sent
    minimal = {"body": keywords["body"]} if "body" in keywords else {}
    assert build(*positional, **minimal) == stock(operation_id).request_kwargs(
        *positional, **minimal
    )
    # None means "not sent", so optional values can be passed straight through
    nones = {name: None for name in keywords if name != "body"}
    assert build(*positional, **minimal, **nones) == build(*positional, **minimal)


def test_endpoint_constants_keep_their_names_and_retry_decisions() -> None:
    found = {name: value for name, value in vars(ep).items() if isinstance(value, ep.Endpoint)}
    assert {name: e.retry_safe for name, e in found.items()} == RETRY_SAFE
    for name, endpoint in found.items():
        assert endpoint.name == f"{endpoint.tag}.{endpoint.operation_id}"
        assert endpoint.operation_id == name.lower()
        assert builders.TAGS[endpoint.operation_id] == endpoint.tag


def test_endpoint_request_kwargs_is_the_builders_answer() -> None:
    assert ep.PUSH_MESSAGES.name == "data.push_messages"
    assert ep.PUSH_MESSAGES.request_kwargs(body={"items": [{"queue": "q", "payload": 1}]}) == {
        "method": "post",
        "url": "/api/v1/push",
        "json": {"items": [{"queue": "q", "payload": 1}]},
        "headers": {"Content-Type": "application/json"},
    }
    assert ep.POP_PARTITION.request_kwargs(
        "orders/eu", "p 1", consumer_group="g", batch=5, wait=None, auto_ack=True
    ) == {
        "method": "get",
        "url": "/api/v1/pop/queue/orders%2Feu/partition/p%201",
        "params": {"consumerGroup": "g", "batch": 5, "autoAck": True},
    }
    assert ep.CLEAR_QUEUE.request_kwargs(queue="q") == {
        "method": "delete",
        "url": "/api/v1/queues/q/clear",
        "params": {},
    }
    assert ep.LIST_DLQ.request_kwargs(from_="2026-01-01")["params"] == {"from": "2026-01-01"}
    with pytest.raises(TypeError):
        ep.PUSH_MESSAGES.request_kwargs(bodyy={})  # type: ignore[call-arg]


MYPY_CASES = """\
    from queen import _endpoints as ep

    ep.PUSH_MESSAGES.request_kwargs(body={"items": [{"queue": "q", "payload": 1}]})
    ep.POP_QUEUE.request_kwargs("q", consumer_group=None, batch=10, wait=True)
    ep.EXTEND_LEASE.request_kwargs(lease_id="l", body={"seconds": 30})
    ep.PUSH_MESSAGES.request_kwargs(bodyy={"items": []})  # E: unexpected keyword
    ep.PUSH_MESSAGES.request_kwargs(body={"items": [{"payload": 1}]})  # E: queue missing
    ep.POP_QUEUE.request_kwargs("q", batch="10")  # E: str for an int
    ep.GET_QUEUE.request_kwargs(queue=1)  # E: int for a path parameter
    ep.ACK_BATCH.request_kwargs(body={"acknowledgments": "all"})  # E: not a list
    ep.LIST_DLQ.request_kwargs(from_=3)  # E: int for a str query parameter
    ep.GET_HEALTH.request_kwargs("extra")  # E: no positional parameter
"""


def test_mypy_checks_every_argument_at_endpoint_call_sites(tmp_path: Path) -> None:
    source = textwrap.dedent(MYPY_CASES)
    sample = tmp_path / "endpoint_calls.py"
    sample.write_text(source)
    expected = {number for number, line in enumerate(source.splitlines(), 1) if "# E:" in line}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-color-output",
            "--no-error-summary",
            str(sample),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    flagged = {
        int(match.group(1))
        for match in re.finditer(r"endpoint_calls\.py:(\d+): error:", result.stdout)
    }
    assert flagged == expected, result.stdout


def imported_after(code: str) -> set[str]:
    """Top-level packages and ``queen_generated`` submodules loaded by ``code``."""
    probe = (
        f"{code}\nimport sys\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('queen', 'queen_generated', 'httpx', 'attrs', 'attr', 'dateutil'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    return set(out.stdout.split())


def test_building_every_request_imports_nothing_more() -> None:
    calls = "\n".join(
        f"ep.{name}.request_kwargs(*{sample_arguments(getattr(ep, name).operation_id)[0]!r}, "
        f"**{sample_arguments(getattr(ep, name).operation_id)[1]!r})"
        for name in RETRY_SAFE
    )
    before = imported_after("import queen\nfrom queen import _endpoints as ep")
    after = imported_after(f"import queen\nfrom queen import _endpoints as ep\n{calls}")
    assert after == before
    assert not {m for m in after if m.startswith(("queen_generated.api", "queen_generated.models"))}


def test_the_standard_library_modules_import_no_http_or_model_code() -> None:
    loaded = imported_after(
        "import queen_generated.builders, queen_generated.schemas, queen_generated.options"
    )
    assert loaded == {
        "queen_generated",
        "queen_generated.builders",
        "queen_generated.options",
        "queen_generated.schemas",
    }


def test_the_server_takes_its_option_defaults_from_the_generated_table() -> None:
    loaded = imported_after("from queen_server.routes.configure import OPTION_DEFAULTS")
    assert "queen" not in loaded
    assert loaded & {"httpx", "attrs", "attr", "dateutil"} == set()
    from queen_server.routes.configure import OPTION_DEFAULTS

    expected = {name: default for name, (_, default) in QUEUE_OPTIONS.items()}
    assert expected == OPTION_DEFAULTS


def test_the_options_table_is_the_spec_schema(spec: dict[str, Any]) -> None:
    schema = spec["components"]["schemas"]["QueueOptions"]["properties"]
    assert {name: (kind.__name__, default) for name, (kind, default) in QUEUE_OPTIONS.items()} == {
        name: ({"integer": "int", "boolean": "bool"}[prop["type"]], prop["default"])
        for name, prop in schema.items()
    }
