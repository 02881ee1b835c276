"""The README's blocking-client example, run as written against a real queen_server."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "### The blocking client: `queen.sync.Queen`"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the blocking-client section has no Python example"
    return match.group(1)


def test_the_blocking_client_example_runs_as_written(server_url: str) -> None:
    suffix = uuid.uuid4().hex[:8]
    code = readme_example().replace("http://localhost:6632", server_url)
    for queue in ("orders", "shipping", "events"):
        code = code.replace(f'"{queue}"', f'"readme-{queue}-{suffix}"')
    shipped: list[Any] = []
    namespace: dict[str, Any] = {"ship": shipped.append}

    exec(compile(code, str(README), "exec"), namespace)

    assert shipped == [{"orderId": 1}]
    assert namespace["result"] == {"processed": 1, "failed": 0, "ackFailures": 0}
    assert [m["data"] for m in namespace["messages"]] == [{"orderId": 1}]
