"""Per-customer totals over tumbling windows, exactly once (asyncio).

    python examples/streams_customer_totals.py --url http://localhost:6632 [--window 2]

Orders arrive in the ``orders`` queue, one partition per customer. A stream sums them per
customer over ``--window``-second windows (processing time: ``createdAt``) and pushes one
message per customer and window to ``<queue>.totals``, in the same transaction that stores the
open windows and acknowledges the orders. Windows close when a later order passes their end,
or on the clock once the customer goes quiet (idle flush). Prints each total, then a summary
as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
from typing import Any

import anyio

from queen import Queen, Stream

CUSTOMERS = ["acme", "globex", "initech", "umbrella"]
ORDERS = 200


async def main(url: str, queue: str, window: float) -> dict[str, Any]:
    rng = random.Random(7)
    expected: dict[str, float] = dict.fromkeys(CUSTOMERS, 0)
    got: dict[str, float] = dict.fromkeys(CUSTOMERS, 0)
    counted = 0
    async with Queen(url) as queen:
        await queen.queue(queue).config({"leaseTime": 30}).create()
        runner = await (
            Stream.from_(queen.queue(queue))
            .window_tumbling(seconds=window, idle_flush_ms=200)
            .aggregate({"orders": lambda order: 1, "total": lambda order: order["amount"]})
            .map(
                lambda totals, ctx: {
                    "customer": ctx["partition"],
                    "window": ctx["windowKey"],
                    **totals,
                }
            )
            .to(queen.queue(f"{queue}.totals"))
            .run(f"{queue}-totals", batch_size=100)
        )
        for round_ in range(4):  # orders keep coming, over several windows
            if round_:
                await asyncio.sleep(window / 2)
            orders: dict[str, list[dict[str, Any]]] = {c: [] for c in CUSTOMERS}
            for _ in range(ORDERS // 4):
                customer, amount = rng.choice(CUSTOMERS), rng.randint(5, 500)
                expected[customer] += amount
                orders[customer].append({"data": {"amount": amount}})
            for customer, batch in orders.items():
                await queen.queue(queue).partition(customer).push(batch)
        totals = queen.queue(f"{queue}.totals").batch(100).wait(True).timeout_millis(500)
        with anyio.fail_after(60):
            while counted < ORDERS:
                for message in await totals.auto_ack(True).pop():
                    line = message["data"]
                    print(
                        f"{line['window']} {line['customer']}: {line['orders']} orders, {line['total']}"
                    )
                    got[line["customer"]] += line["total"]
                    counted += line["orders"]
        await runner.stop()
    return {
        "orders": counted,
        "totals_match": got == expected,
        "cycles": runner.metrics()["cyclesTotal"] > 0,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="orders")
    parser.add_argument("--window", type=float, default=2.0, help="window length in seconds")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.url, args.queue, args.window)), sort_keys=True))
