"""An asyncio worker service that shuts down gracefully on SIGTERM (or Ctrl-C).

    python examples/asyncio_worker.py --url http://localhost:6632 [--queue jobs]

Consumes ``jobs`` with 4 concurrent workers and prints one line per processed job. On SIGTERM
or SIGINT it stops taking new jobs, lets the running handlers finish and acknowledges them,
flushes, closes the client, prints a summary and exits 0. The signal handlers belong to the
application: the queen client never installs any.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
from typing import Any

from queen import Queen


async def main(url: str, queue: str) -> dict[str, Any]:
    processed: list[int] = []

    async def handle(job: dict[str, Any]) -> None:
        await asyncio.sleep(0.01)  # the real work
        processed.append(job["data"]["job"])
        print(f"processed job {job['data']['job']}", flush=True)

    async with Queen(url) as queen:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)

        async def shut_down_on_signal() -> None:
            await stop.wait()
            print("signal received: finishing running jobs", flush=True)
            await queen.close()  # running handlers finish and are acknowledged

        watcher = asyncio.create_task(shut_down_on_signal())
        print("ready", flush=True)
        result = await queen.queue(queue).concurrency(4).batch(5).each().consume(handle)
        watcher.cancel()
    return {"stopped": "cleanly", "processed": len(processed), **result}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="jobs")
    args = parser.parse_args()
    summary = asyncio.run(main(args.url, args.queue))
    print(json.dumps(summary, sort_keys=True), flush=True)
