"""One benchmark scenario with whichever ``queen`` client this interpreter imports.

Run by ``bench/client_vs_upstream.py`` twice per scenario: once with this project's
interpreter and once with a virtualenv holding the upstream client (which also imports as
``queen``). Only the calls both clients share are used. Prints one ``RESULT {json}`` line:
messages, wall seconds and client CPU seconds of the timed part. ``QUEEN_BENCH_BACKEND``
selects this project's ``http_backend`` (the upstream client has no such option).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import time
from typing import Any

from queen import Queen

BUFFER = {"message_count": 100, "time_millis": 1000}


class Clock:
    """Wall time and CPU time of this process since ``start()``."""

    def start(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> dict[str, float]:
        return {
            "wall": time.perf_counter() - self.wall,
            "cpu": time.process_time() - self.cpu,
        }


async def buffered_push(queen: Any, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    for i in range(count):
        await queen.queue(queue).buffer(BUFFER).push([{"data": {"i": i, "kind": "event"}}])
    await queen.flush_all_buffers()
    return clock.stop()


async def push_batches(queen: Any, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    for start in range(0, count, 100):
        await queen.queue(queue).push(
            [{"data": {"i": i, "kind": "event"}} for i in range(start, min(start + 100, count))]
        )
    return clock.stop()


async def pop_and_ack(queen: Any, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    received = 0
    while received < count:
        messages = await queen.queue(queue).batch(100).wait(True).timeout_millis(2000).pop()
        if messages:
            await queen.ack(messages, True)
            received += len(messages)
    return clock.stop()


async def consume(queen: Any, queue: str, count: int, clock: Clock) -> dict[str, float]:
    done = asyncio.Event()
    received = 0
    result: dict[str, float] = {}

    async def handler(messages: Any) -> None:
        nonlocal received
        received += len(messages) if isinstance(messages, list) else 1
        if received >= count and not done.is_set():
            result.update(clock.stop())
            done.set()

    async def run() -> None:
        await (
            queen.queue(queue)
            .batch(100)
            .concurrency(4)
            .wait(True)
            .timeout_millis(2000)
            .consume(handler)
        )

    clock.start()
    task = asyncio.create_task(run())
    await done.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
    return result


async def warm_up(queen: Any, queue: str) -> None:
    """One push, pop and ack before timing: imports and connections are not measured."""
    await queen.queue(queue).push([{"data": {"warm": True}}])
    messages = await queen.queue(queue).batch(1).wait(True).timeout_millis(2000).pop()
    if messages:
        await queen.ack(messages, True)
    await queen.queue(queue).buffer(BUFFER).push([{"data": {"warm": True}}])
    await queen.flush_all_buffers()


async def first_push_ratio(make: Any, queue: str, count: int) -> float:
    """A new client's first push / the median of its next ``count`` pushes (wall time)."""
    times = []
    async with make() as queen:  # the idiomatic form: the event loop's machinery is up
        for i in range(count + 1):
            start = time.perf_counter()
            await queen.queue(queue).push([{"data": {"i": i}}])
            times.append(time.perf_counter() - start)
    return times[0] / statistics.median(times[1:])


SCENARIOS = {
    "buffered_push": buffered_push,
    "push_batch": push_batches,
    "pop_ack": pop_and_ack,
    "consume": consume,
}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=[*sorted(SCENARIOS), "first_request"], required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--queue", required=True)
    parser.add_argument("--count", type=int, required=True)
    args = parser.parse_args()
    backend = os.environ.get("QUEEN_BENCH_BACKEND")

    def make() -> Any:
        return Queen(args.url, http_backend=backend) if backend else Queen(args.url)

    if args.scenario == "first_request":
        # in a fresh process (imports included), then a second new client in this process
        cold = await first_push_ratio(make, args.queue, args.count)
        warm = await first_push_ratio(make, args.queue, args.count)
        sys.stdout.write("RESULT " + json.dumps({"cold": cold, "warm": warm}) + "\n")
        return
    queen = make()
    await warm_up(queen, args.queue + "-warm-up")
    try:
        timing = await SCENARIOS[args.scenario](queen, args.queue, args.count, Clock())
    finally:
        await queen.close()
    sys.stdout.write("RESULT " + json.dumps({"messages": args.count, **timing}) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    asyncio.run(main())
