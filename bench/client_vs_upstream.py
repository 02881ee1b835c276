"""Client benchmark: this project's async client against the upstream ``queen-mq==2.6.0``.

Both clients run the same scenarios (``bench/_client_scenarios.py``) against the same
``queen_server``, in the same run, each in its own process: buffered push of 50k messages,
push at batch 100, pop+ack at batch 100, consume with batch 100 and concurrency 4. This
project's client runs once per HTTP backend (``native``, the default, and ``httpx``). The
upstream client is installed into ``.bench-venv`` (it also imports as ``queen``). Prints
messages/s and client CPU seconds per 10k messages for each, and the ratios to upstream.

Then the cold start: in fresh processes, the wall time of a new client's first push against
the median of its next pushes (connection set-up included; lazy imports would show here).

``BENCH_SCALE`` (default 1.0) scales the message counts, e.g. ``BENCH_SCALE=0.2`` for a
quick look; ``QUEEN_BENCH_URL`` benchmarks against a server that is already running.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".bench-venv"
UPSTREAM = "queen-mq==2.6.0"
SCENARIO_SCRIPT = Path(__file__).resolve().parent / "_client_scenarios.py"
SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))
BACKENDS = ("native", "httpx")
COLD_STARTS = 5  # fresh processes per client for the first-request ratio

# (scenario, messages, needs prefilled messages across partitions)
SCENARIOS = [
    ("buffered_push", 50_000, 0),
    ("push_batch", 20_000, 0),
    ("pop_ack", 20_000, 1),
    ("consume", 20_000, 8),
]
LABELS = {
    "buffered_push": "buffered push (50k)",
    "push_batch": "push, batch 100",
    "pop_ack": "pop + ack, batch 100",
    "consume": "consume, batch 100, concurrency 4",
}


def upstream_python() -> Path:
    """The interpreter of ``.bench-venv``, created with the upstream client when missing."""
    python = BENCH_VENV / "bin" / "python"
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('queen-mq'))"]
    if python.exists():
        found = subprocess.run(probe, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip() == UPSTREAM.split("==")[1]:
            return python
        shutil.rmtree(BENCH_VENV)
    print(f"installing {UPSTREAM} into {BENCH_VENV.name} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", UPSTREAM], check=True)
    return python


@contextmanager
def queen_server() -> Iterator[str]:
    """A ``queen_server`` process on a free port (``QUEEN_BENCH_DSN`` or embedded PostgreSQL).

    ``QUEEN_BENCH_URL`` uses an already running server instead.
    """
    if os.environ.get("QUEEN_BENCH_URL"):
        yield os.environ["QUEEN_BENCH_URL"].rstrip("/")
        return
    from queen_server.launch import ServerProcess

    with ServerProcess(os.environ.get("QUEEN_BENCH_DSN") or None) as server:
        yield server.url


def prefill(url: str, queue: str, count: int, partitions: int) -> None:
    """Store ``count`` messages spread over ``partitions`` with plain HTTP (not timed)."""
    with httpx.Client(base_url=url, timeout=60) as client:
        for start in range(0, count, 1000):
            items = [
                {
                    "queue": queue,
                    "partition": f"p{n % partitions}",
                    "payload": {"i": n, "kind": "event"},
                    "transactionId": str(uuid.uuid4()),
                }
                for n in range(start, min(start + 1000, count))
            ]
            client.post("/api/v1/push", json={"items": items}).raise_for_status()


def run_one(
    python: Path,
    scenario: str,
    url: str,
    count: int,
    partitions: int,
    backend: str | None = None,
    queue: str | None = None,
) -> dict[str, float]:
    queue = queue or f"bench-{scenario}-{uuid.uuid4().hex[:8]}"
    if partitions:
        prefill(url, queue, count, partitions)
    environment = dict(os.environ)
    environment.pop("QUEEN_BENCH_BACKEND", None)
    if backend:
        environment["QUEEN_BENCH_BACKEND"] = backend
    done = subprocess.run(
        [
            str(python),
            str(SCENARIO_SCRIPT),
            "--scenario",
            scenario,
            "--url",
            url,
            "--queue",
            queue,
            "--count",
            str(count),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tempfile.gettempdir(),  # never let the upstream venv import this checkout
        env=environment,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, float] = json.loads(line[len("RESULT ") :])
            return result
    raise RuntimeError(
        f"{scenario} with {python} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    )


def cold_start(python: Path, url: str, backend: str | None) -> tuple[float, float]:
    """Medians over fresh processes of (first push) / (median of the next 20 pushes): for a
    client in a new process, and for a second new client in the same process."""
    queue = f"bench-cold-{uuid.uuid4().hex[:8]}"
    prefill(url, queue, 1, 1)  # the queue exists: the server's side is the same every time
    cold, warm = [], []
    for _ in range(COLD_STARTS):
        result = run_one(python, "first_request", url, 20, 0, backend, queue)
        cold.append(result["cold"])
        warm.append(result["warm"])
    return statistics.median(cold), statistics.median(warm)


def main() -> int:
    python_upstream = upstream_python()
    python_ours = Path(sys.executable)
    clients: list[tuple[str, Path, str | None]] = [
        *((f"queen ({backend})", python_ours, backend) for backend in BACKENDS),
        ("upstream 2.6.0", python_upstream, None),
    ]
    rows = []
    with queen_server() as url:
        for scenario, base_count, partitions in SCENARIOS:
            count = max(1000, int(base_count * SCALE))
            results = {
                name: run_one(python, scenario, url, count, partitions, backend)
                for name, python, backend in clients
            }
            rows.append((scenario, count, results))
            print(f"  {LABELS[scenario]}: done", flush=True)
        cold = {name: cold_start(python, url, backend) for name, python, backend in clients}
    print()
    print(
        "Client benchmark: this project (each HTTP backend) vs queen-mq 2.6.0 (same server, same run)"
    )
    print()
    print("| scenario | client | msg/s | CPU s/10k | throughput ratio | CPU ratio |")
    print("|---|---|---|---|---|---|")
    for scenario, count, results in rows:
        theirs = results["upstream 2.6.0"]
        rate_theirs = count / theirs["wall"]
        cpu_theirs = theirs["cpu"] / count * 10_000
        for name, result in results.items():
            rate = count / result["wall"]
            cpu = result["cpu"] / count * 10_000
            print(
                f"| {LABELS[scenario]} ({count}) | {name} | {rate:,.0f} | {cpu:.3f} "
                f"| {rate / rate_theirs:.2f}x | {cpu / cpu_theirs:.2f}x |"
            )
    print()
    print(
        "throughput ratio = client / upstream (higher is better); "
        "CPU ratio = client / upstream (lower is better)"
    )
    print()
    print(
        f"First push of a new client / its later pushes (median of {COLD_STARTS} processes; "
        "in a new process, and for a second client in the same process):"
    )
    print()
    print("| client | new process | second client |")
    print("|---|---|---|")
    for name, (in_new_process, second_client) in cold.items():
        print(f"| {name} | {in_new_process:.2f}x | {second_client:.2f}x |")
    return 0


def run() -> None:
    """Entry point for ``python -m bench``."""
    main()


if __name__ == "__main__":
    raise SystemExit(main())
