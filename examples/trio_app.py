"""A trio application: the same async client, under ``trio.run``.

    python examples/trio_app.py --url http://localhost:6632 [--queue trio-orders]

In one nursery: a producer pushes orders through a client-side buffer across partitions; the
``billing`` consumer group (3 workers, batches of 10) hands each batch over to an invoices
queue in one transaction, tracing each order; an ``audit`` consumer group reads the very same
orders independently. Prints a summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import trio

from queen import Queen

ORDERS = 120
PARTITIONS = 4


async def main(url: str, queue: str) -> dict[str, Any]:
    invoices = f"{queue}-invoices"
    billed: list[int] = []
    audited: list[int] = []

    async with Queen(url) as queen:
        await queen.queue(queue).config({"leaseTime": 30}).create()

        async def produce() -> None:
            for n in range(ORDERS):
                await (
                    queen.queue(queue)
                    .partition(f"customer-{n % PARTITIONS}")
                    .buffer({"message_count": 25, "time_millis": 50})
                    .push({"data": {"orderId": n, "amount": 10 + n}})
                )
            await queen.flush_all_buffers()

        async def bill(orders: list[dict[str, Any]]) -> None:
            for order in orders:
                await order["trace"]({"traceName": "billing", "data": {"id": order["data"]}})
            await (
                queen.transaction()
                .ack(orders)
                .queue(invoices)
                .push([{"data": {"orderId": o["data"]["orderId"]}} for o in orders])
                .commit()
            )
            billed.extend(o["data"]["orderId"] for o in orders)

        async def audit(orders: list[dict[str, Any]]) -> None:
            audited.extend(o["data"]["orderId"] for o in orders)

        with trio.fail_after(120):
            async with trio.open_nursery() as nursery:
                nursery.start_soon(produce)
                nursery.start_soon(
                    queen.queue(queue)
                    .group("billing")
                    .concurrency(3)
                    .batch(10)
                    .auto_ack(False)  # the transaction acknowledges
                    .limit(ORDERS)
                    .consume,
                    bill,
                )
                nursery.start_soon(
                    queen.queue(queue).group("audit").batch(50).limit(ORDERS).consume, audit
                )
        invoiced = await queen.queue(invoices).batch(ORDERS).wait(True).auto_ack(True).pop()
    return {
        "billed": len(billed),
        "audited": len(audited),
        "invoices": len(invoiced),
        "same_orders": sorted(billed) == sorted(audited) == list(range(ORDERS)),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="trio-orders")
    args = parser.parse_args()
    print(json.dumps(trio.run(main, args.url, args.queue), sort_keys=True))
