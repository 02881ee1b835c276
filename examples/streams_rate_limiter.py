"""An API rate limiter: a token bucket per tenant in front of a worker (blocking client).

    python examples/streams_rate_limiter.py --url http://localhost:6632

API calls land in the ``api-calls`` queue, one partition per tenant. A stream lets each
tenant through at most ``--rate`` calls per second (bursts of up to ``--burst``) into
``<queue>.approved``, where a worker consumes them; calls over the limit wait — in order — and
come back when the source lease expires (the queue's ``leaseTime``, 1 s here). State (the
tokens left) lives in the server, so limits hold across restarts and across several limiter
processes. Prints what each tenant got through, and a summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
from collections import defaultdict
from typing import Any

from queen.streams import token_bucket_gate
from queen.sync import Queen, Stream

CALLS = {"tenant-a": 30, "tenant-b": 8}  # tenant-a is noisy, tenant-b stays within its burst


def main(url: str, queue: str, rate: float, burst: int) -> dict[str, Any]:
    handled: dict[str, list[int]] = defaultdict(list)
    total = sum(CALLS.values())
    with Queen(url) as queen:
        queen.queue(queue).config({"leaseTime": 1}).create()
        for tenant, count in CALLS.items():
            calls = [{"data": {"tenant": tenant, "call": n}} for n in range(count)]
            queen.queue(queue).partition(tenant).push(calls)

        limiter = (
            Stream.from_(queen.queue(queue))
            .gate(token_bucket_gate(capacity=burst, refill_per_sec=rate))
            .to(queen.queue(f"{queue}.approved"))
            .start(f"{queue}-limiter", max_wait_millis=200)
        )

        def work(call: dict[str, Any]) -> None:
            data = call["data"]
            handled[data["tenant"]].append(data["call"])

        # the worker: a consumer of the approved calls (here in a thread, until all are done)
        approved = queen.queue(f"{queue}.approved").batch(20).each().limit(total)
        worker = threading.Thread(target=approved.consume, args=(work,))
        worker.start()
        worker.join(60)
        limiter.stop()
        metrics = limiter.metrics()
    for tenant, calls in sorted(handled.items()):
        print(f"{tenant}: {len(calls)} calls handled")
    return {
        "handled": {tenant: len(calls) for tenant, calls in sorted(handled.items())},
        "in_order": all(calls == sorted(calls) for calls in handled.values()),
        "held_back": metrics["gateDenialsTotal"] > 0,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="api-calls")
    parser.add_argument("--rate", type=float, default=10.0, help="calls per second per tenant")
    parser.add_argument("--burst", type=int, default=10, help="bucket capacity")
    args = parser.parse_args()
    print(json.dumps(main(args.url, args.queue, args.rate, args.burst), sort_keys=True))
