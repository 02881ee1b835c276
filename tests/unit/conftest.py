"""Unit-test helpers: anyio backends, upstream transcripts, a mocked Queen server."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import respx

from queen._config import DEFAULTS

BASE = "http://queen.test:6632"
TRANSCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def needs(tag: str) -> pytest.MarkDecorator:
    """Skip until the generated endpoint modules of ``tag`` exist."""
    try:
        missing = importlib.util.find_spec(f"queen_generated.api.{tag}") is None
    except ModuleNotFoundError:
        missing = True
    return pytest.mark.skipif(missing, reason=f"queen_generated.api.{tag} is not generated yet")


def transcript(group: str, name: str) -> dict[str, Any]:
    """One recorded upstream exchange, by file (group) and exchange name."""
    path = TRANSCRIPTS / f"{group}.json"
    for exchange in json.loads(path.read_text()):
        if exchange["name"] == name:
            return dict(exchange)
    raise LookupError(f"no exchange {name!r} in {group}.json")


def answer(group: str, name: str) -> Any:
    """The recorded response body of an exchange."""
    return transcript(group, name)["response"]["body"]


@pytest.fixture(autouse=True)
def httpx_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """respx mocks httpx, so unit tests run the client on its httpx backend.

    The default native backend is tested byte for byte in ``test_native.py``.
    """
    monkeypatch.setitem(DEFAULTS, "http_backend", "httpx")


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


def sent_json(route: respx.Route, call: int = -1) -> Any:
    """The JSON body of a recorded call."""
    return json.loads(route.calls[call].request.content)
