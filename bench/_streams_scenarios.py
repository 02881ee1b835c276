"""One streams benchmark scenario with whichever ``queen`` this interpreter imports.

Run by ``bench/streams.py`` once with this project's interpreter and once with the upstream
client's virtualenv (``queen-mq==2.6.0`` also imports as ``queen`` and ships
``queen.streams``); the program uses only what both SDKs share. The source queue is already
filled. Times the runner from its start until it has processed every event, then (untimed)
closes the windows and checks the sink. Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from queen import Queen, Stream, token_bucket_gate


def aggregate_stream(queen: Any, source: str, sink: str) -> Any:
    return (
        Stream.from_(queen.queue(source))
        .key_by(lambda m: m["data"]["k"])
        .window_tumbling(seconds=1, event_time=lambda m: m["data"]["ts"])
        .aggregate({"count": lambda v: 1, "sum": lambda v: v["v"], "max": lambda v: v["v"]})
        .map(
            lambda agg, ctx: {
                "p": ctx["partition"],
                "key": ctx["key"],
                "start": ctx["windowStart"],
                **agg,
            }
        )
        .to(queen.queue(sink))
    )


def gate_stream(queen: Any, source: str, sink: str) -> Any:
    return (
        Stream.from_(queen.queue(source))
        .gate(token_bucket_gate(capacity=1_000_000_000, refill_per_sec=1_000_000_000))
        .to(queen.queue(sink))
    )


async def drain(queen: Any, sink: str, until: Any) -> list[Any]:
    got: list[Any] = []
    for _ in range(600):
        messages = await queen.queue(sink).batch(1000).wait(False).pop()
        if messages:
            await queen.ack(messages, True)
            got += [m["data"] for m in messages]
        if until(got):
            break
        await asyncio.sleep(0.1)
    return got


async def until_processed(runner: Any, count: int) -> None:
    for _ in range(10**7):
        if runner.metrics()["messagesTotal"] >= count:
            return
        await asyncio.sleep(0.005)


async def warm_up(queen: Any, args: argparse.Namespace, build: Any) -> None:
    """A small run first, so that one-time costs (imports, connections) are not timed."""
    source = f"{args.queue}-warm"
    events = [{"data": {"i": i, "k": "k", "v": 1, "ts": i}} for i in range(50)]
    await queen.queue(source).partition("p0").push(events)
    runner = await build(queen, source, f"{source}-sink").run(query_id=f"{source}-q", url=args.url)
    await until_processed(runner, len(events))
    await runner.stop()


async def main(args: argparse.Namespace) -> dict[str, Any]:
    source, sink = args.queue, f"{args.queue}-sink"
    build = aggregate_stream if args.scenario == "aggregate" else gate_stream
    async with Queen(url=args.url) as queen:
        await warm_up(queen, args, build)
        stream = build(queen, source, sink)
        wall, cpu = time.perf_counter(), time.process_time()
        runner = await stream.run(query_id=f"{args.queue}-q", url=args.url)
        await until_processed(runner, args.count)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        result: dict[str, Any] = {"wall": wall, "cpu": cpu}
        if args.scenario == "aggregate":
            # close every window: one event far ahead on each partition (not timed)
            for p in range(args.partitions):
                closing = {"data": {"k": "close", "v": 0, "ts": 10**12}}
                await queen.queue(source).partition(f"p{p}").push([closing])
            got = await drain(queen, sink, lambda got: sum(w["count"] for w in got) >= args.count)
            result["exact"] = (
                sum(w["count"] for w in got) == args.count
                and sum(w["sum"] for w in got) == args.expected_sum
                and len({(w["p"], w["key"], w["start"]) for w in got}) == len(got)
            )
        else:
            got = await drain(queen, sink, lambda got: len(got) >= args.count)
            result["exact"] = sorted(m["i"] for m in got) == list(range(args.count))
        await runner.stop()
        return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=["aggregate", "gate"], required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--queue", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--partitions", type=int, required=True)
    parser.add_argument("--expected-sum", type=int, default=0)
    result = asyncio.run(main(parser.parse_args()))
    print("RESULT " + json.dumps(result), flush=True)
