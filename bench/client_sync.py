"""Blocking client against async client: what ``queen.sync`` costs per call.

The same scenarios as ``bench/client_vs_upstream.py`` (buffered push, push at batch 100,
pop + ack at batch 100, consume with batch 100 and concurrency 4), each run with the
async ``queen.Queen`` (``bench/_client_scenarios.py``, asyncio) and once with
``queen.sync.Queen`` (``bench/_sync_scenarios.py``), each in its own process, against the same
``queen_server`` in the same run. Prints wall time and client CPU per call for both and the
sync / async ratios (goal: at most 1.5x on the batched operations). Each scenario runs
``QUEEN_BENCH_ROUNDS`` (3) rounds, async and sync taking turns to go first, so that a burst of
other work on the machine does not decide a row: medians and the range of the rounds' ratios.

``BENCH_SCALE`` (default 1.0) scales the message counts; ``QUEEN_BENCH_URL`` uses a server
that is already running.
"""

from __future__ import annotations

import json
import os
import statistics
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
ROUNDS = max(int(os.environ.get("QUEEN_BENCH_ROUNDS", "3")), 1)
Timing = tuple[dict[str, float], dict[str, float]]  # (async, sync) of one round

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


def measure(url: str, scenario: str, count: int, partitions: int) -> list[Timing]:
    """``ROUNDS`` rounds of (async, sync) timings; who goes first alternates between rounds."""
    rounds: list[Timing] = []
    for number in range(ROUNDS):
        order = ["async", "sync"] if number % 2 == 0 else ["sync", "async"]
        results = {api: run_one(api, scenario, url, count, partitions) for api in order}
        rounds.append((results["async"], results["sync"]))
    return rounds


def _per_call(rounds: list[Timing], api: int, key: str, calls: float) -> str:
    """Median µs per call of the async (0) or sync (1) side."""
    return f"{statistics.median(r[api][key] for r in rounds) / calls * 1e6:,.0f}"


def _ratios(rounds: list[Timing], key: str) -> str:
    ratios = sorted(blocking[key] / aio[key] for aio, blocking in rounds)
    return f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})"


def main() -> int:
    rows: list[list[str]] = []
    with queen_server() as url:
        for scenario, label, base_count, partitions, per_call in SCENARIOS:
            count = max(1000, int(base_count * SCALE))
            calls = count / per_call
            rounds = measure(url, scenario, count, partitions)
            rows.append(
                [
                    label,
                    str(count),
                    _per_call(rounds, 0, "wall", calls),
                    _per_call(rounds, 1, "wall", calls),
                    _ratios(rounds, "wall"),
                    _per_call(rounds, 0, "cpu", calls),
                    _per_call(rounds, 1, "cpu", calls),
                    _ratios(rounds, "cpu"),
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
    print(
        f"per call: median of {ROUNDS} rounds; ratios = sync / async, median of the rounds "
        "(range), 1.00x: no overhead; CPU counts every thread of the client"
    )
    return 0


def run() -> None:
    """Entry point for ``python -m bench``."""
    main()


if __name__ == "__main__":
    raise SystemExit(main())
