"""The README's in-memory backend example runs as printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"

pytestmark = pytest.mark.anyio


def example(marker: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), re.DOTALL)
    (block,) = [b for b in blocks if marker in b]
    return str(block)


async def test_memory_backend_example() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(example("MemoryBackend(handler)"), "README.md", "exec"), namespace)
    await namespace["main"]()


def test_tls_examples_name_real_options() -> None:
    code = example('verify="/etc/queen/ca.pem"')
    for option in ("verify=", "cert=", "ssl_context="):
        assert option in code
