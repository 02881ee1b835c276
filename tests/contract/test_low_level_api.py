"""The low-level API (`queen_generated` on its own) against a real queen_server.

The README's low-level example itself runs as written in ``tests/readme/``.
"""

from __future__ import annotations

import uuid

import pytest

from queen_generated import Client
from queen_generated.api.data import configure_queue
from queen_generated.api.resources import list_queues
from queen_generated.models import ConfigureRequest, ConfigureResponse, QueueListResponse


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
