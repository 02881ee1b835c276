"""The client benchmark's scenarios with the blocking client, ``queen.sync.Queen``.

Run by ``bench/client_sync.py`` next to ``bench/_client_scenarios.py`` (the async client) on
the same server in the same run, with the same arguments, warm-up and ``RESULT {json}`` line.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from _client_scenarios import BUFFER, Clock  # this script's folder is on sys.path

from queen.sync import Queen


def buffered_push(queen: Queen, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    for i in range(count):
        queen.queue(queue).buffer(BUFFER).push([{"data": {"i": i, "kind": "event"}}])
    queen.flush_all_buffers()
    return clock.stop()


def push_batches(queen: Queen, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    for start in range(0, count, 100):
        queen.queue(queue).push(
            [{"data": {"i": i, "kind": "event"}} for i in range(start, min(start + 100, count))]
        )
    return clock.stop()


def pop_and_ack(queen: Queen, queue: str, count: int, clock: Clock) -> dict[str, float]:
    clock.start()
    received = 0
    while received < count:
        messages = queen.queue(queue).batch(100).wait(True).timeout_millis(2000).pop()
        if messages:
            queen.ack(messages, True)
            received += len(messages)
    return clock.stop()


def consume(queen: Queen, queue: str, count: int, clock: Clock) -> dict[str, float]:
    def handler(messages: Any) -> None:
        pass

    clock.start()
    queen.queue(queue).batch(100).concurrency(4).wait(True).timeout_millis(2000).limit(
        count
    ).consume(handler)
    return clock.stop()


def warm_up(queen: Queen, queue: str) -> None:
    """One push, pop and ack before timing: imports and connections are not measured."""
    queen.queue(queue).push([{"data": {"warm": True}}])
    messages = queen.queue(queue).batch(1).wait(True).timeout_millis(2000).pop()
    if messages:
        queen.ack(messages, True)
    queen.queue(queue).buffer(BUFFER).push([{"data": {"warm": True}}])
    queen.flush_all_buffers()


SCENARIOS = {
    "buffered_push": buffered_push,
    "push_batch": push_batches,
    "pop_ack": pop_and_ack,
    "consume": consume,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--queue", required=True)
    parser.add_argument("--count", type=int, required=True)
    args = parser.parse_args()
    with Queen(args.url) as queen:
        warm_up(queen, args.queue + "-warm-up")
        timing = SCENARIOS[args.scenario](queen, args.queue, args.count, Clock())
    sys.stdout.write("RESULT " + json.dumps({"messages": args.count, **timing}) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
