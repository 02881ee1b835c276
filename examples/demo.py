"""A realistic Queen pipeline on an embedded server, with a progress bar.

    make demo                     # or: python examples/demo.py [--orders 5000]

1. starts ``queen_server`` on an embedded PostgreSQL (nothing to install);
2. a producer pushes orders with client-side buffering across customer partitions;
3. the ``fulfilment`` consumer group (4 workers, batches of 25) hands each batch over to the
   ``shipments`` queue in one transaction (ack the orders + push the shipments atomically),
   tracing every order;
4. the ``shipping`` consumer fails for undeliverable addresses: the server retries them and
   then moves them to the dead-letter queue;
5. prints a summary: messages, throughput and the DLQ count;
6. run in a terminal, prints the web console's URL and keeps the server up until Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections import Counter
from typing import Any

import anyio

from queen import Queen, QueenServerError

PARTITIONS = 8
RETRY_LIMIT = 1  # a failing shipment is tried twice, then dead-lettered


class Progress:
    """Counters of the pipeline and a one-line progress bar on stderr."""

    def __init__(self, total: int, undeliverable: int) -> None:
        self.total = total
        self.undeliverable = undeliverable
        self.produced = 0
        self.handed_off = 0
        self.shipped = 0
        self.failures: Counter[str] = Counter()
        self.done = anyio.Event()

    @property
    def dead_lettered(self) -> int:
        return sum(1 for attempts in self.failures.values() if attempts > RETRY_LIMIT)

    def check(self) -> None:
        finished = self.shipped + self.dead_lettered
        if finished >= self.total and self.handed_off >= self.total:
            self.done.set()

    def render(self) -> str:
        finished = self.shipped + self.dead_lettered
        width = 30
        filled = int(width * finished / self.total)
        bar = "#" * filled + "." * (width - filled)
        return (
            f"\r[{bar}] {finished}/{self.total} done | produced {self.produced} "
            f"| handed off {self.handed_off} | shipped {self.shipped} "
            f"| dead-lettered {self.dead_lettered}   "
        )

    async def show(self) -> None:
        while not self.done.is_set():
            sys.stderr.write(self.render())
            sys.stderr.flush()
            with anyio.move_on_after(0.2):
                await self.done.wait()
        sys.stderr.write(self.render() + "\n")


async def run_pipeline(url: str, orders: int) -> dict[str, Any]:
    run = uuid.uuid4().hex[:6]
    orders_queue, shipments_queue = f"demo-orders-{run}", f"demo-shipments-{run}"
    undeliverable = {n for n in range(orders) if n % 97 == 13}
    progress = Progress(orders, len(undeliverable))

    async with Queen(url) as queen:
        await queen.queue(orders_queue).config({"leaseTime": 30}).create()
        await (
            queen.queue(shipments_queue)
            .config({"leaseTime": 30, "retryLimit": RETRY_LIMIT})
            .create()
        )

        async def produce() -> None:
            for n in range(orders):
                customer = f"customer-{n % PARTITIONS}"
                await (
                    queen.queue(orders_queue)
                    .partition(customer)
                    .buffer({"message_count": 200, "time_millis": 50})
                    .push(
                        {
                            "data": {
                                "orderId": n,
                                "customer": customer,
                                "amount": 10 + n % 90,
                                "address": "nowhere" if n in undeliverable else "Main St 1",
                            }
                        }
                    )
                )
                progress.produced += 1
            await queen.flush_all_buffers()

        async def fulfil(batch: list[dict[str, Any]]) -> None:
            shipments = [
                {"data": {"orderId": m["data"]["orderId"], "address": m["data"]["address"]}}
                for m in batch
            ]
            await (
                queen.transaction()
                .ack(batch)
                .queue(shipments_queue)
                .partition(batch[0]["partition"])
                .push(shipments)
                .commit()
            )
            for message in batch:
                await message["trace"](
                    {
                        "traceName": f"order-{message['data']['orderId']}",
                        "eventType": "step",
                        "data": {"text": "handed over to shipping"},
                    }
                )
            progress.handed_off += len(batch)
            progress.check()

        async def ship(message: dict[str, Any]) -> None:
            if message["data"]["address"] == "nowhere":
                progress.failures[message["transactionId"]] += 1
                progress.check()
                raise ValueError(f"undeliverable address for order {message['data']['orderId']}")
            progress.shipped += 1
            progress.check()

        started = time.perf_counter()
        async with anyio.create_task_group() as tg:
            tg.start_soon(progress.show)
            tg.start_soon(produce)
            tg.start_soon(
                queen.queue(orders_queue)
                .group("fulfilment")
                .concurrency(4)
                .batch(10)
                .auto_ack(False)
                .consume,
                fulfil,
            )
            tg.start_soon(
                queen.queue(shipments_queue).group("shipping").concurrency(PARTITIONS).consume, ship
            )
            await progress.done.wait()
            tg.cancel_scope.cancel()
        elapsed = time.perf_counter() - started

        try:
            dlq = await queen.queue(shipments_queue).dlq("shipping").get()
            dlq_count = dlq["total"]
        except QueenServerError:  # a server without the DLQ listing
            dlq_count = progress.dead_lettered

    messages = orders * 2  # every order and every shipment went through the queue
    return {
        "orders": orders,
        "shipped": progress.shipped,
        "dead_lettered": dlq_count,
        "messages": messages,
        "seconds": elapsed,
        "throughput": messages / elapsed,
    }


def print_summary(summary: dict[str, Any]) -> None:
    print()
    print("Pipeline summary")
    print(f"  orders produced            {summary['orders']}")
    print(f"  shipments delivered        {summary['shipped']}")
    print(f"  dead-lettered shipments    {summary['dead_lettered']}")
    print(f"  messages through Queen     {summary['messages']}")
    print(f"  elapsed                    {summary['seconds']:.1f} s")
    print(f"  throughput                 {summary['throughput']:,.0f} messages/s")


def interactive() -> bool:
    """True when a person runs the demo in a terminal (never in CI or under the tests)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def keep_serving(url: str) -> None:
    """Leave the server up for the console until Ctrl-C."""
    print()
    print(f"Console: {url}/  (the queues, lag, dead letters and traces of this run)")
    print("queen_server stays up until Ctrl-C.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nstopping queen_server ...", flush=True)


def main(orders: int, url: str | None) -> None:
    if url:
        print_summary(anyio.run(run_pipeline, url, orders))
        return
    from queen_server.launch import ServerProcess

    print("starting queen_server on an embedded PostgreSQL ...", flush=True)
    with ServerProcess() as server:
        print(f"queen_server ready at {server.url}", flush=True)
        print_summary(anyio.run(run_pipeline, server.url, orders))
        if interactive():
            keep_serving(server.url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=3000, help="orders to push (3000)")
    parser.add_argument("--url", help="use a running server instead of starting one")
    arguments = parser.parse_args()
    main(arguments.orders, arguments.url)
