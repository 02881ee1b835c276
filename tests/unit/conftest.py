"""Unit-test helpers: anyio backends, upstream transcripts, a mocked Queen server."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import respx

BASE = "http://queen.test:6632"
TRANSCRIPTS = Path(__file__).resolve().parents[2].parent / "shared" / "upstream" / "transcripts"


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def generated_available() -> bool:
    return importlib.util.find_spec("queen_generated.api") is not None


needs_generated = pytest.mark.skipif(
    not generated_available(), reason="queen_generated endpoint modules are not generated yet"
)


def transcript(group: str, name: str) -> dict[str, Any]:
    """One recorded upstream exchange, by file (group) and exchange name."""
    path = TRANSCRIPTS / f"{group}.json"
    if not path.exists():
        pytest.skip(f"upstream transcripts not found at {TRANSCRIPTS}")
    for exchange in json.loads(path.read_text()):
        if exchange["name"] == name:
            return dict(exchange)
    raise LookupError(f"no exchange {name!r} in {group}.json")


def answer(group: str, name: str) -> Any:
    """The recorded response body of an exchange."""
    return transcript(group, name)["response"]["body"]


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


def sent_json(route: respx.Route, call: int = -1) -> Any:
    """The JSON body of a recorded call."""
    return json.loads(route.calls[call].request.content)
