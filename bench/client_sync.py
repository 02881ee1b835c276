"""Blocking client against async client: what ``queen.sync`` costs per call.

The same scenarios as ``bench/client_vs_upstream.py`` (buffered push, push at batch 100,
pop + ack at batch 100, consume with batch 100 and concurrency 4), each run once with the
async ``queen.Queen`` (``bench/_client_scenarios.py``, asyncio) and once with
``queen.sync.Queen`` (``bench/_sync_scenarios.py``), each in its own process, against the same
``queen_server`` in the same run. Prints wall time and client CPU per call for both and the
sync / async ratios (goal: at most 1.5x on the batched operations).

``BENCH_SCALE`` (default 1.0) scales the message counts; ``QUEEN_BENCH_URL`` uses a server
that is already running.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from bench._report import machine, table
from bench.client_vs_upstream import prefill, queen_server

HERE = Path(__file__).resolve().parent
SCRIPTS = {"async": HERE / "_client_scenarios.py", "sync": HERE / "_sync_scenarios.py"}
SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))

# (scenario, label, messages, prefilled partitions, messages per call)
SCENARIOS = [
    ("buffered_push", "buffered push (1 message per call)", 20_000, 0, 1),
    ("push_batch", "push, batch 100", 20_000, 0, 100),
    ("pop_ack", "pop + ack, batch 100 (2 calls per batch)", 20_000, 1, 50),
    ("consume", "consume, batch 100, concurrency 4 (per handler call)", 20_000, 8, 100),
]


def run_one(api: str, scenario: str, url: str, count: int, partitions: int) -> dict[str, float]:
    queue = f"bench-{api}-{scenario}-{uuid.uuid4().hex[:8]}"
    if partitions:
        prefill(url, queue, count, partitions)
    command = [sys.executable, str(SCRIPTS[api]), "--scenario", scenario, "--url", url]
    command += ["--queue", queue, "--count", str(count)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=1800, cwd=tempfile.gettempdir()
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, float] = json.loads(line[len("RESULT ") :])
            return result
    raise RuntimeError(f"{api} {scenario} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def main() -> int:
    rows: list[list[str]] = []
    with queen_server() as url:
        for scenario, label, base_count, partitions, per_call in SCENARIOS:
            count = max(1000, int(base_count * SCALE))
            calls = count / per_call
            aio = run_one("async", scenario, url, count, partitions)
            blocking = run_one("sync", scenario, url, count, partitions)
            rows.append(
                [
                    label,
                    str(count),
                    f"{aio['wall'] / calls * 1e6:,.0f}",
                    f"{blocking['wall'] / calls * 1e6:,.0f}",
                    f"{blocking['wall'] / aio['wall']:.2f}x",
                    f"{aio['cpu'] / calls * 1e6:,.0f}",
                    f"{blocking['cpu'] / calls * 1e6:,.0f}",
                    f"{blocking['cpu'] / aio['cpu']:.2f}x",
                ]
            )
            print(f"  {label}: done", flush=True)
    print()
    print(f"Blocking vs async client (same server, same run; {machine()})")
    print()
    headers = [
        "scenario",
        "messages",
        "async µs/call",
        "sync µs/call",
        "sync/async wall",
        "async CPU µs/call",
        "sync CPU µs/call",
        "sync/async CPU",
    ]
    print(table(headers, rows))
    print()
    print("ratios = sync / async (1.00x: no overhead); CPU counts every thread of the client")
    return 0


def run() -> None:
    """Entry point for ``python -m bench``."""
    main()


if __name__ == "__main__":
    raise SystemExit(main())
