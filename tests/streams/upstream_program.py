"""A program written for the streaming SDK of the upstream Python client (queen-mq 2.6.0):
imports, constructor, operators, gate helpers and ``run()`` keywords exactly as that SDK
spells them. The test suite runs it unchanged against this client.

Usage: python upstream_program.py <url> <suffix>; prints a JSON summary on its last line.
"""

import asyncio
import json
import sys

from queen import Queen, Stream, sliding_window_gate, token_bucket_gate

URL, SUFFIX = sys.argv[1], sys.argv[2]
ORDERS = f"up-orders-{SUFFIX}"
TOTALS = f"up-totals-{SUFFIX}"
APPROVED = f"up-approved-{SUFFIX}"

errors = []
sessions = []
watched = []


def on_error(err, ctx):
    errors.append(f"{ctx.get('phase')}: {err}")


async def drain(q, name, until):
    got = []
    for _ in range(150):
        messages = await q.queue(name).batch(500).wait(False).pop()
        if messages:
            await q.ack(messages, True)
            got += [m["data"] for m in messages]
        if until(got):
            break
        await asyncio.sleep(0.1)
    return got


async def main():
    async with Queen(url=URL) as q:
        await q.queue(ORDERS).config({"lease_time": 1}).create()
        for c in range(3):
            orders = [
                {"data": {"customer": f"c{c}", "amount": 10 * (c + 1) + i, "ts": i * 4000}}
                for i in range(6)
            ]
            orders.append({"data": {"customer": f"c{c}", "amount": -5, "ts": 5000}})  # a refund
            orders.append({"data": {"customer": f"c{c}", "amount": 1, "ts": 60_000}})
            await q.queue(ORDERS).partition(f"cust-{c}").push(orders)

        totals = await (
            Stream.from_(q.queue(ORDERS))
            .filter(lambda m: m["data"]["amount"] > 0)
            .key_by(lambda m: m["data"]["customer"])
            .window_tumbling(seconds=10, event_time=lambda m: m["data"]["ts"], idleFlushMs=200)
            .aggregate(
                {
                    "count": lambda v: 1,
                    "sum": lambda v: v["amount"],
                    "max": lambda v: v["amount"],
                    "avg": lambda v: v["amount"],
                }
            )
            .map(lambda agg, ctx: {"customer": ctx["key"], "window": ctx["windowKey"], **agg})
            .to(q.queue(TOTALS), partition=lambda v: v["customer"])
            .run(
                query_id=f"up-totals-{SUFFIX}",
                url=URL,
                batch_size=50,
                max_partitions=2,
                max_wait_millis=200,
                reset=True,
                on_error=on_error,
            )
        )
        limiter = await (
            Stream.from_(q.queue(ORDERS))
            .gate(token_bucket_gate(capacity=100, refill_per_sec=100))
            .to(q.queue(APPROVED))
            .run(
                query_id=f"up-limiter-{SUFFIX}",
                url=URL,
                subscription_mode="all",
                consumer_group=f"limiter-{SUFFIX}",
                max_wait_millis=200,
            )
        )
        watcher = await (
            Stream.from_(q.queue(ORDERS))
            .gate(sliding_window_gate(limit=1000, window_sec=60))
            .foreach(lambda value: watched.append(value["amount"]))
            .run(query_id=f"up-watcher-{SUFFIX}", url=URL, max_wait_millis=200)
        )
        session_runner = await (
            Stream.from_(q.queue(ORDERS))
            .key_by(lambda m: m["data"]["customer"])
            .window_session(gap=5, event_time=lambda m: m["data"]["ts"])
            .reduce(lambda acc, v: acc + 1)
            .foreach(lambda value, ctx: sessions.append([ctx["key"], value]))
            .run(query_id=f"up-sessions-{SUFFIX}", url=URL, max_wait_millis=200)
        )

        windows = await drain(q, TOTALS, lambda got: sum(w["count"] for w in got) >= 18)
        approved = await drain(q, APPROVED, lambda got: len(got) >= 24)
        for _ in range(100):
            if len(sessions) >= 3 and len(watched) >= 24:
                break
            await asyncio.sleep(0.1)
        metrics = totals.metrics()
        for runner in (totals, limiter, watcher, session_runner):
            await runner.stop()
        summary = {
            "windows": sorted(
                [w["customer"], w["window"], w["count"], w["sum"], w["max"], w["avg"]]
                for w in windows
            ),
            "approved": len(approved),
            "sessions": sorted(sessions),
            "watched": sorted(watched),
            "messages": metrics["messagesTotal"],
            "errors": errors,
        }
        print(json.dumps(summary))


asyncio.run(main())
