"""``make demo``'s pipeline, small, against the test server."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.anyio

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo.py"


def load_demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("queen_demo", DEMO)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# the demo is an async program: it runs under asyncio and trio, not through the sync driver
@pytest.mark.parametrize("flavour", ["asyncio", "trio"])
async def test_demo_pipeline(flavour: str, server_url: str) -> None:
    demo = load_demo()
    summary = await demo.run_pipeline(server_url, 300)
    undeliverable = sum(1 for n in range(300) if n % 97 == 13)
    assert summary["orders"] == 300
    assert summary["shipped"] == 300 - undeliverable
    assert summary["dead_lettered"] == undeliverable
    assert summary["messages"] == 600
