"""queen.sync's staging of buffered pushes: order kept, backlog bounded, nothing dropped."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import anyio.to_thread
from anyio.from_thread import start_blocking_portal

from queen.sync._staging import PushStager


class Buffers:
    """Stands in for the async client's buffers; ``gate`` holds every add while clear."""

    def __init__(self) -> None:
        self.added: list[tuple[str, str, list[Any]]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail_next = False

    async def add(self, queue: str, partition: str, items: list[Any], options: Any) -> None:
        await anyio.to_thread.run_sync(self.gate.wait)
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("buffers unavailable")
        self.added.append((queue, partition, items))


def test_staged_pushes_reach_the_buffers_in_order() -> None:
    buffers = Buffers()
    stager = PushStager(buffers.add)
    with start_blocking_portal() as portal:
        for n in range(500):
            stager.stage("q", f"p{n % 3}", [n], None, portal.start_task_soon)
        portal.call(stager.drain)
    assert [items[0] for _, _, items in buffers.added] == list(range(500))
    assert stager.staged == 0


def test_a_large_backlog_makes_push_wait_for_the_loop() -> None:
    buffers = Buffers()
    stager = PushStager(buffers.add, max_staged=10)
    buffers.gate.clear()
    returned: list[int] = []
    with start_blocking_portal() as portal:

        def produce() -> None:
            for n in range(15):
                stager.stage("q", "p", [n], None, portal.start_task_soon)
                returned.append(n)

        producer = threading.Thread(target=produce)
        producer.start()
        for _ in range(3000):
            if len(returned) >= 10:
                break
            producer.join(0.01)
        producer.join(0.2)
        # held back: 10 staged, the 11th waits for the loop, which the gate holds
        assert producer.is_alive()
        assert returned == list(range(10))
        buffers.gate.set()
        producer.join(30)
        portal.call(stager.drain)
    assert returned == list(range(15))
    assert [items[0] for _, _, items in buffers.added] == list(range(15))


def test_a_failed_drain_keeps_what_it_did_not_move() -> None:
    buffers = Buffers()
    stager = PushStager(buffers.add)
    with start_blocking_portal() as portal:
        buffers.gate.clear()
        for n in range(3):
            stager.stage("q", "p", [n], None, portal.start_task_soon)
        buffers.fail_next = True
        buffers.gate.set()  # the drain scheduled by stage() fails on its first item...
        portal.call(stager.drain)  # ...and the next drain moves all of them
        assert buffers.fail_next is False
    assert [items[0] for _, _, items in buffers.added] == [0, 1, 2]
    assert stager.staged == 0
