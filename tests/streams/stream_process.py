"""A stream in a process of its own, for the kill-and-restart test: per-partition event-time
windows of 1 s (count and sum) pushed to a sink queue. Prints ``running`` once registered,
then runs until killed."""

from __future__ import annotations

import argparse
import random

import anyio

from queen import Queen, Stream


async def slow(message: dict[str, object]) -> object:
    await anyio.sleep(random.uniform(0.002, 0.006))  # slow work: kills land mid-batch
    return message["data"]


async def main(url: str, source: str, sink: str, query: str) -> None:
    async with Queen(url) as queen:
        await (
            Stream.from_(queen.queue(source))
            .map(slow)
            .window_tumbling(seconds=1, event_time=lambda m: m["data"]["ts"])
            .aggregate({"count": lambda v: 1, "sum": lambda v: v["v"]})
            .map(lambda agg, ctx: {"p": ctx["partition"], "start": ctx["windowStart"], **agg})
            .to(queen.queue(sink))
            .run(query, batch_size=7, max_partitions=3, max_wait_millis=100)
        )
        print("running", flush=True)
        await anyio.sleep_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    for name in ("url", "source", "sink", "query"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    anyio.run(main, args.url, args.source, args.sink, args.query)
