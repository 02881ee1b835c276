"""Threshold alerts from sensor readings, with sliding event-time windows (trio).

    python examples/streams_threshold_alert.py --url http://localhost:6632

Each host reports its CPU load to the ``metrics`` queue (one partition per host) with the
time it measured it. A stream averages every host over 10-second windows that slide every 5
seconds (event time, so readings that arrive out of order still land in the right windows;
readings more than 2 seconds behind the watermark are dropped as late) and raises an alert on
``<queue>.alerts`` for every window whose average exceeds 90 %. Prints the alerts and a
summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import trio

from queen import Queen, Stream

THRESHOLD = 90
# host → load per 1-second reading; "db-1" runs hot from t=20 s to t=34 s
HOSTS = {
    "web-1": [40 + (t % 7) for t in range(60)],
    "db-1": [95 if 20 <= t < 35 else 50 for t in range(60)],
}
START_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z


async def main(url: str, queue: str) -> dict[str, Any]:
    alerts: list[dict[str, Any]] = []
    async with Queen(url) as queen:
        await queen.queue(queue).config({"leaseTime": 30}).create()
        for host, loads in HOSTS.items():
            readings = [
                {"data": {"host": host, "load": load, "at": START_MS + t * 1000}}
                for t, load in enumerate(loads)
            ]
            readings[30], readings[31] = readings[31], readings[30]  # out of order: still fine
            readings.append({"data": {"host": host, "load": 0, "at": START_MS + 3_600_000}})
            await queen.queue(queue).partition(host).push(readings)

        runner = await (
            Stream.from_(queen.queue(queue))
            .key_by(lambda reading: reading["data"]["host"])
            .window_sliding(
                size=10, slide=5, event_time=lambda r: r["data"]["at"], allowed_lateness=2
            )
            .aggregate({"avg": lambda r: r["load"], "max": lambda r: r["load"]})
            .filter(lambda figures: figures["avg"] > THRESHOLD)
            .map(lambda figures, ctx: {"host": ctx["key"], "from": ctx["windowKey"], **figures})
            .to(queen.queue(f"{queue}.alerts"), partition=lambda alert: alert["host"])
            .run(f"{queue}-alerts")
        )
        with trio.fail_after(60):
            while len(alerts) < 2:
                batch = (
                    await queen.queue(f"{queue}.alerts").batch(10).wait(True).auto_ack(True).pop()
                )
                for message in batch:
                    alert = message["data"]
                    print(f"ALERT {alert['host']} from {alert['from']}: avg {alert['avg']:.1f}%")
                    alerts.append(alert)
        await runner.stop()
    return {
        "alerts": sorted((a["host"], a["from"][11:19]) for a in alerts),
        "late": runner.metrics()["lateEventsTotal"],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
    parser.add_argument("--queue", default="metrics")
    args = parser.parse_args()
    print(json.dumps(trio.run(main, args.url, args.queue), sort_keys=True))
