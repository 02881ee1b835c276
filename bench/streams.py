"""Streams benchmark: ``queen.streams`` against the upstream ``queen-mq==2.6.0`` SDK.

Two pipelines, each run by both SDKs against the same ``queen_server`` in the same run, each
SDK in its own process (the upstream one from ``.bench-venv``): (a) a keyed tumbling-window
aggregate (event time, 10 keys per partition, count/sum/max to a sink), (b) a gate to a sink
(a token bucket that never denies). The source queue is filled first (not timed); the timed
part is from the runner's start until it has processed every event. Prints events per second
and client CPU per event for both, the ratios, and whether each SDK's output was exact
(windows: every event counted once; gate: every event in the sink once).

``BENCH_SCALE`` scales the event counts; ``QUEEN_BENCH_URL`` uses a running server.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import httpx

from bench._report import machine, table
from bench.client_vs_upstream import queen_server, upstream_python

SCRIPT = Path(__file__).resolve().parent / "_streams_scenarios.py"
SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))
PARTITIONS = 20
SCENARIOS = [
    ("aggregate", "keyed tumbling-window aggregate -> sink", 20_000),
    ("gate", "gate -> sink", 20_000),
]


def fill(url: str, queue: str, count: int) -> int:
    """Push ``count`` events over the partitions (lease 30 s); the sum of their values."""
    rng = random.Random(queue)
    total = 0
    with httpx.Client(base_url=url, timeout=60) as client:
        body = {"queue": queue, "options": {"leaseTime": 30}}
        client.post("/api/v1/configure", json=body).raise_for_status()
        per = count // PARTITIONS
        for p in range(PARTITIONS):
            items = []
            for i in range(per):
                v = rng.randint(1, 1000)
                total += v
                data = {"i": p * per + i, "k": f"k{i % 10}", "v": v, "ts": i * 10}
                items.append({"queue": queue, "partition": f"p{p}", "payload": data})
            for start in range(0, len(items), 1000):
                chunk = {"items": items[start : start + 1000]}
                client.post("/api/v1/push", json=chunk).raise_for_status()
    return total


def run_one(python: Path, scenario: str, url: str, count: int) -> dict[str, float]:
    queue = f"bench-streams-{scenario}-{uuid.uuid4().hex[:8]}"
    expected = fill(url, queue, count)
    done = subprocess.run(
        [
            str(python),
            str(SCRIPT),
            "--scenario",
            scenario,
            "--url",
            url,
            "--queue",
            queue,
            "--count",
            str(count),
            "--partitions",
            str(PARTITIONS),
            "--expected-sum",
            str(expected),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tempfile.gettempdir(),  # never let the upstream venv import this checkout
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, float] = json.loads(line[len("RESULT ") :])
            return result
    raise RuntimeError(
        f"{scenario} with {python} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    )


def main() -> int:
    python_upstream = upstream_python()
    python_ours = Path(sys.executable)
    rows = []
    with queen_server() as url:
        for scenario, label, base in SCENARIOS:
            count = max(PARTITIONS * 50, int(base * SCALE)) // PARTITIONS * PARTITIONS
            ours = run_one(python_ours, scenario, url, count)
            theirs = run_one(python_upstream, scenario, url, count)
            rate_ours, rate_theirs = count / ours["wall"], count / theirs["wall"]
            cpu_ours, cpu_theirs = ours["cpu"] / count * 1e6, theirs["cpu"] / count * 1e6
            rows.append(
                [
                    label,
                    str(count),
                    f"{rate_ours:,.0f}",
                    f"{rate_theirs:,.0f}",
                    f"{rate_ours / rate_theirs:.2f}x",
                    f"{cpu_ours:.0f}",
                    f"{cpu_theirs:.0f}",
                    f"{cpu_ours / cpu_theirs:.2f}x",
                    f"{'yes' if ours['exact'] else 'NO'} / {'yes' if theirs['exact'] else 'NO'}",
                ]
            )
            print(f"  {label}: done", flush=True)
    print()
    print(f"Streams: queen.streams vs queen-mq 2.6.0 (same server, same run; {machine()})")
    print()
    headers = [
        "pipeline",
        "events",
        "queen ev/s",
        "upstream ev/s",
        "throughput ratio",
        "queen CPU us/ev",
        "upstream CPU us/ev",
        "CPU ratio",
        "exact (queen / upstream)",
    ]
    print(table(headers, rows))
    print()
    print("throughput ratio = queen / upstream (higher is better); CPU ratio (lower is better)")
    return 0


def run() -> None:
    """Entry point for ``python -m bench``."""
    main()


if __name__ == "__main__":
    raise SystemExit(main())
