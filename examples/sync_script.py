"""A plain script with the blocking client: no async, no event loop to manage.

    python examples/sync_script.py --url http://localhost:6632 [--queue orders]

Creates a queue, pushes orders, pops and acknowledges one batch by hand, then lets a pool of
worker threads consume the rest (one failing order ends up in the dead-letter queue), hands
the good ones over to a second queue in one transaction each, and prints a summary as JSON.
Ctrl-C while consuming stops cleanly: running handlers finish, the rest is released.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
from typing import Any

from queen.sync import Queen

ORDERS = 40
POISON = 13  # this order's handler always fails


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="orders")
    args = parser.parse_args()
    orders, shipping = args.queue, f"{args.queue}-shipping"

    with Queen(args.url) as queen:
        queen.queue(orders).config({"leaseTime": 30, "retryLimit": 1}).create()
        queen.queue(shipping).create()
        for start in range(0, ORDERS, 10):
            queen.queue(orders).partition(f"customer-{start // 10}").push(
                [{"data": {"orderId": n, "amount": n * 1.5}} for n in range(start, start + 10)]
            )

        # Pop and acknowledge by hand.
        first = queen.queue(orders).batch(5).wait(True).timeout_millis(5000).pop()
        queen.ack(first, True)

        # Consume the rest with 4 handler threads; each success is handed over atomically.
        shipped: list[int] = []
        lock = threading.Lock()

        def handle(order: dict[str, Any]) -> None:
            order_id = order["data"]["orderId"]
            if order_id == POISON:
                raise ValueError(f"order {order_id}: card declined")
            order["trace"]({"traceName": f"order-{order_id}", "data": {"step": "shipping"}})
            queen.transaction().ack(order).queue(shipping).push(
                [{"data": {"orderId": order_id}}]
            ).commit()
            with lock:
                shipped.append(order_id)

        result = (
            queen.queue(orders)
            .concurrency(4)
            .auto_ack(False)  # the transaction acknowledges successes...
            .idle_millis(3000)
            .consume(_acking_failures(queen, handle))  # ...and failures are acked here
        )
        dead = queen.queue(orders).dlq().get()
        summary = {
            "popped_by_hand": len(first),
            "consumed": result["processed"],
            "shipped": len(shipped),
            "dead_lettered": dead["total"],
            "dlq_errors": sorted({m.get("errorMessage") or "" for m in dead["messages"]}),
        }
    print(json.dumps(summary, sort_keys=True))


def _acking_failures(queen: Queen, handle: Any) -> Any:
    """Wrap ``handle`` so that a failure is acknowledged as failed with its reason."""

    def handler(order: dict[str, Any]) -> None:
        try:
            handle(order)
        except ValueError as exc:
            queen.ack(order, False, {"error": str(exc)})

    return handler


if __name__ == "__main__":
    main()
