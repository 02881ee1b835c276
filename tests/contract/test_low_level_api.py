"""The README's low-level example (`queen_generated` on its own) against a real queen_server."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest
from contract_support import REPO

from queen_generated import Client
from queen_generated.api.data import configure_queue
from queen_generated.api.resources import list_queues
from queen_generated.models import ConfigureRequest, ConfigureResponse, QueueListResponse

README_URL = "http://localhost:6632"


def readme_example() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Low-level API: `queen_generated`", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def test_the_readme_example_runs_against_queen_server(server_url: str) -> None:
    code = readme_example()
    assert README_URL in code
    result = subprocess.run(
        [sys.executable, "-c", code.replace(README_URL, server_url)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "'raw-orders'" in result.stdout


@pytest.mark.anyio
async def test_generated_endpoint_modules_speak_to_queen_server(server_url: str) -> None:
    name = f"low-level-{uuid.uuid4().hex[:8]}"
    async with Client(base_url=server_url) as client:
        created = await configure_queue.asyncio(client=client, body=ConfigureRequest(queue=name))
        assert isinstance(created, ConfigureResponse)
        assert created.configured is True
        assert created.queue == name
        answer = await list_queues.asyncio(client=client)
        assert isinstance(answer, QueueListResponse)
        assert name in {queue.name for queue in answer.queues}
