"""queen_server against the PostgreSQL queues Python users pick, on one PostgreSQL.

Systems, all on the same embedded PostgreSQL, with the same ~110-byte JSON payload:

* queen_server, driven over HTTP by the client's fast backend (``bench/_raw_http.py``), 8
  partitions (each request to one of them, in turn);
* PGQueuer (``pgqueuer`` from PyPI): ``Queries.enqueue`` and ``QueueManager``;
* pgmq: the SQL functions that the ``pgmq`` package from PyPI ships, called with plain SQL;
* the floor: asyncpg inserting into and deleting from one plain table.

The peers run in a process of their own (``bench/_peers_runner.py``) from a virtualenv of their
own, ``.bench-peers-venv``, created on first use; both load generators run on uvloop.
Scenarios: push at batch 1, 10, 100 and 1000 with 1 and 8 requests in flight; pop+ack at batch
100 with 1 and 8 consumers; push→receive latency with a long-polling consumer at a fixed rate
(queen_server and PGQueuer; pgmq and the floor poll). Every round runs every cell once per
system, systems taking turns in a different order each round; rows show medians, and ratios
are medians of the per-round ratios with their range.

For each run the CPU time of the server process tree (queen_server) and of the PostgreSQL
tree (postmaster and every backend, from ``/proc/<pid>/stat``) is read before and after, and
so is the WAL position: printed per 10k messages (CPU) and per message (WAL bytes). For the
peers, the "server" column is their own process (library plus load generation).

``BENCH_SCALE`` (1.0) scales message counts and the latency run's length;
``QUEEN_BENCH_ROUNDS`` (3) sets the rounds; ``QUEEN_BENCH_WORKERS`` (1) the server's
``--workers``; ``QUEEN_BENCH_PEERS`` (``pgqueuer,pgmq,floor``) which peers run;
``QUEEN_BENCH_CELLS`` (all) keeps only the cells whose label contains one of its
``|``-separated parts (``batch 1,|latency``).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import orjson
import uvloop

from bench._database import embedded_database
from bench._proc import parent_of, tree_cpu
from bench._raw_http import RawClient
from bench._report import machine, table
from queen_server.launch import ServerProcess

ROOT = Path(__file__).resolve().parent.parent
PEERS_VENV = ROOT / ".bench-peers-venv"
PEER_PACKAGES = ("pgqueuer==1.6.0", "pgmq==1.1.4", "asyncpg")
RUNNER = Path(__file__).resolve().parent / "_peers_runner.py"
SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))
ROUNDS = max(int(os.environ.get("QUEEN_BENCH_ROUNDS", "3")), 1)
WORKERS = int(os.environ.get("QUEEN_BENCH_WORKERS", "1"))
PEERS = [p for p in os.environ.get("QUEEN_BENCH_PEERS", "pgqueuer,pgmq,floor").split(",") if p]
CELLS = [c for c in os.environ.get("QUEEN_BENCH_CELLS", "").split("|") if c]
PARTITIONS = 8
POP_BATCH = 100
LATENCY_RATE = 200.0
LATENCY_SECONDS = 5.0
#: (batch, in flight, messages at scale 1): about a second each
PUSH_CELLS = [
    (1, 1, 1_000),
    (1, 8, 2_000),
    (10, 1, 5_000),
    (10, 8, 10_000),
    (100, 1, 20_000),
    (100, 8, 30_000),
    (1000, 1, 30_000),
    (1000, 8, 50_000),
]
POP_CELLS = [(POP_BATCH, 1, 15_000), (POP_BATCH, 8, 20_000)]
NAMES = {"queen": "queen_server", "pgqueuer": "PGQueuer", "pgmq": "pgmq", "floor": "asyncpg floor"}


def _count(n: int) -> int:
    return max(200, int(n * SCALE))


def payload(i: int) -> dict[str, Any]:
    """About 110 bytes of JSON, the same as the peers' (``_peers_runner.payload``)."""
    return {"i": i, "t": time.time(), "kind": "order.created", "pad": "x" * 48}


def peers_python() -> Path:
    """The interpreter of ``.bench-peers-venv``, created with the peers when missing."""
    python = PEERS_VENV / "bin" / "python"
    probe = [str(python), "-c", "import pgqueuer, pgmq, asyncpg"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    shutil.rmtree(PEERS_VENV, ignore_errors=True)
    print(f"installing {', '.join(PEER_PACKAGES)} into {PEERS_VENV.name} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return python


@dataclass
class Run:
    """One measured run: messages, wall seconds, CPU seconds, WAL bytes (or latencies)."""

    messages: int
    seconds: float
    server_cpu: float
    pg_cpu: float
    wal: int
    p50: float = 0.0
    p99: float = 0.0

    @property
    def rate(self) -> float:
        return self.messages / self.seconds


class Meter:
    """CPU of the PostgreSQL tree and of one other process tree, and the WAL position."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn
        self.postmaster = 0

    async def start(self) -> None:
        self.postmaster = parent_of(await self.conn.fetchval("SELECT pg_backend_pid()"))

    async def wal(self) -> int:
        return int(await self.conn.fetchval("SELECT pg_current_wal_insert_lsn() - '0/0'"))

    async def measure(
        self, pid: int, body: Callable[[], Awaitable[dict[str, Any]]]
    ) -> tuple[dict[str, Any], float, float, int]:
        wal0, cpu0, pg0 = await self.wal(), tree_cpu(pid), tree_cpu(self.postmaster)
        answer = await body()
        cpu1, pg1, wal1 = tree_cpu(pid), tree_cpu(self.postmaster), await self.wal()
        return answer, cpu1 - cpu0, pg1 - pg0, wal1 - wal0


class Peer:
    """A runner process in the peers' virtualenv, one JSON command and answer a line."""

    def __init__(self, name: str, proc: asyncio.subprocess.Process) -> None:
        self.name = name
        self.proc = proc

    @classmethod
    async def start(cls, name: str, python: Path, dsn: str) -> Peer:
        proc = await asyncio.create_subprocess_exec(
            str(python),
            str(RUNNER),
            name,
            dsn,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=tempfile.gettempdir(),  # never let the peers' venv import this checkout
        )
        return cls(name, proc)

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def call(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(command).encode() + b"\n")
        await self.proc.stdin.drain()
        line = await asyncio.wait_for(self.proc.stdout.readline(), 600)
        if not line:
            raise RuntimeError(f"the {self.name} runner stopped (command {command})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        await self.proc.wait()


class Queen:
    """queen_server over HTTP, with the same commands as a ``Peer``."""

    name = "queen"

    def __init__(self, url: str, pid: int, admin: asyncpg.Connection) -> None:
        self.client = RawClient(url, 32)
        self.pid = pid
        self.admin = admin
        self.queue = ""

    def _queue(self) -> str:
        if not self.queue:
            self.queue = f"bench-{uuid.uuid4().hex[:8]}"
        return self.queue

    async def _push(self, queue: str, numbers: list[int], partition: str) -> None:
        items = [{"queue": queue, "partition": partition, "payload": payload(n)} for n in numbers]
        answer = await self.client.request(
            "POST", "/api/v1/push", None, orjson.dumps({"items": items}), 60
        )
        _check(answer.status)

    async def push(self, batch: int, inflight: int, total: int) -> dict[str, Any]:
        queue = self._queue()
        batches = [list(range(s, min(s + batch, total))) for s in range(0, total, batch)]
        todo = list(enumerate(batches))
        todo.reverse()

        async def worker() -> None:
            while todo:
                index, numbers = todo.pop()
                await self._push(queue, numbers, f"p{index % PARTITIONS}")

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(inflight)))
        return {"seconds": time.perf_counter() - start, "messages": total}

    async def prefill(self, total: int) -> None:
        await self.push(1000, 1, total)

    async def _pop_ack(self, queue: str, batch: int, params: dict[str, Any]) -> int:
        answer = await self.client.request(
            "GET", f"/api/v1/pop/queue/{queue}", {"batch": batch, **params}, None, 60
        )
        _check(answer.status)
        messages = orjson.loads(answer.body).get("messages", []) if answer.body else []
        if messages:
            acks = [
                {
                    "transactionId": m["transactionId"],
                    "partitionId": m["partitionId"],
                    "leaseId": m["leaseId"],
                }
                for m in messages
            ]
            done = await self.client.request(
                "POST", "/api/v1/ack/batch", None, orjson.dumps({"acknowledgments": acks}), 60
            )
            _check(done.status)
        return len(messages)

    async def pop_ack(self, batch: int, inflight: int, total: int) -> dict[str, Any]:
        queue = self._queue()
        done = [0]

        async def worker() -> None:
            empty = 0
            while done[0] < total and empty < 3:
                got = await self._pop_ack(queue, batch, {})
                done[0] += got
                empty = 0 if got else empty + 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(inflight)))
        return {"seconds": time.perf_counter() - start, "messages": done[0]}

    async def latency(self, rate: float, total: int) -> dict[str, Any]:
        queue = self._queue()
        await self._push(queue, [0], "p0")  # the queue exists before the consumer parks
        await self._pop_ack(queue, 10, {})
        delays: list[float] = []

        async def consume() -> None:
            while len(delays) < total:
                answer = await self.client.request(
                    "GET",
                    f"/api/v1/pop/queue/{queue}",
                    {"batch": 10, "wait": "true", "timeout": 30_000},
                    None,
                    60,
                )
                messages = orjson.loads(answer.body).get("messages", []) if answer.body else []
                now = time.time()
                delays.extend(now - m["data"]["t"] for m in messages)
                if messages:
                    acks = [
                        {
                            "transactionId": m["transactionId"],
                            "partitionId": m["partitionId"],
                            "leaseId": m["leaseId"],
                        }
                        for m in messages
                    ]
                    ack = await self.client.request(
                        "POST",
                        "/api/v1/ack/batch",
                        None,
                        orjson.dumps({"acknowledgments": acks}),
                        60,
                    )
                    _check(ack.status)

        consumer = asyncio.ensure_future(consume())
        await asyncio.sleep(0.5)
        start = time.perf_counter()
        for i in range(total):
            wait = start + i / rate - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
            await self._push(queue, [i], "p0")
        seconds = time.perf_counter() - start
        await asyncio.wait_for(consumer, 30)
        ordered = sorted(delays)
        return {
            "seconds": seconds,
            "messages": len(ordered),
            "p50": statistics.median(ordered),
            "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        }

    async def cleanup(self) -> None:
        # the next run starts from an empty table (the peers' clean-ups truncate too)
        await self.admin.execute("TRUNCATE queen.messages CASCADE")
        self.queue = ""

    async def close(self) -> None:
        await self.client.aclose()


def _check(status: int) -> None:
    if status >= 300:
        raise RuntimeError(f"queen_server answered HTTP {status}")


@dataclass
class Results:
    runs: dict[tuple[str, str], list[Run]] = field(default_factory=dict)

    def add(self, cell: str, system: str, run: Run) -> None:
        self.runs.setdefault((cell, system), []).append(run)

    def get(self, cell: str, system: str) -> list[Run]:
        return self.runs.get((cell, system), [])


async def _one(meter: Meter, system: Any, cell: str, spec: dict[str, Any]) -> Run:
    op = spec["op"]
    if op == "pop_ack":
        await _call(system, "prefill", total=spec["total"])
    body: Callable[[], Awaitable[dict[str, Any]]]
    if isinstance(system, Queen):
        args = {k: v for k, v in spec.items() if k != "op"}
        body = getattr(system, op)
        answer, cpu, pg, wal = await meter.measure(system.pid, lambda: body(**args))
    else:
        answer, cpu, pg, wal = await meter.measure(system.pid, lambda: system.call(**spec))
    await _call(system, "cleanup")
    return Run(
        answer["messages"],
        answer["seconds"],
        cpu,
        pg,
        wal,
        answer.get("p50", 0.0),
        answer.get("p99", 0.0),
    )


async def _call(system: Any, op: str, **args: Any) -> None:
    if isinstance(system, Queen):
        await getattr(system, op)(**args)
    else:
        await system.call(op=op, **args)


def cells() -> list[tuple[str, dict[str, Any], list[str]]]:
    """(label, command, systems) of every cell."""
    out = []
    for batch, inflight, total in PUSH_CELLS:
        spec = {"op": "push", "batch": batch, "inflight": inflight, "total": _count(total)}
        out.append((f"push, batch {batch}, {inflight} in flight", spec, ["queen", *PEERS]))
    for batch, inflight, total in POP_CELLS:
        spec = {"op": "pop_ack", "batch": batch, "inflight": inflight, "total": _count(total)}
        out.append((f"pop+ack, batch {batch}, {inflight} in flight", spec, ["queen", *PEERS]))
    total = max(200, int(LATENCY_RATE * LATENCY_SECONDS * SCALE))
    spec = {"op": "latency", "rate": LATENCY_RATE, "total": total}
    latency_systems = ["queen", *(p for p in PEERS if p == "pgqueuer")]
    out.append((f"latency at {LATENCY_RATE:.0f} msg/s", spec, latency_systems))
    if CELLS:
        out = [cell for cell in out if any(word in cell[0] for word in CELLS)]
    return out


async def measure(dsn: str, server: ServerProcess, python: Path | None) -> Results:
    admin = await asyncpg.connect(dsn)
    meter = Meter(admin)
    await meter.start()
    assert server.pid is not None
    systems: dict[str, Any] = {"queen": Queen(server.url, server.pid, admin)}
    for name in PEERS:
        assert python is not None
        systems[name] = await Peer.start(name, python, dsn)
    results = Results()
    try:
        for round_no in range(ROUNDS):
            for label, spec, names in cells():
                shift = round_no % len(names)
                for name in names[shift:] + names[:shift]:
                    run = await _one(meter, systems[name], label, spec)
                    results.add(label, name, run)
            sys.stdout.write(f"  round {round_no + 1} of {ROUNDS} done\n")
            sys.stdout.flush()
    finally:
        for system in systems.values():
            await system.close()
        await admin.close()
    return results


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _ratio(ours: list[Run], theirs: list[Run], key: Callable[[Run], float]) -> str:
    """Median of the per-round ratios, and their range."""
    if not ours or not theirs:
        return "-"
    ratios = sorted(key(a) / key(b) for a, b in zip(ours, theirs, strict=False))
    return f"{_median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})"


def report(results: Results) -> str:
    all_cells = cells()
    shown = ["queen", *PEERS]
    throughput = []
    cost = []
    for label, spec, _names in all_cells:
        if spec["op"] == "latency":
            continue
        queen = results.get(label, "queen")
        row = [label]
        row += [f"{_median([r.rate for r in results.get(label, n)]):,.0f}" for n in shown]
        row += [_ratio(queen, results.get(label, p), lambda r: r.rate) for p in PEERS]
        throughput.append(row)
        line = [label]
        for name in shown:
            runs = results.get(label, name)
            server = _median([r.server_cpu / r.messages * 10_000 for r in runs])
            pg = _median([r.pg_cpu / r.messages * 10_000 for r in runs])
            wal = _median([r.wal / r.messages for r in runs])
            line.append(f"{server:.2f} / {pg:.2f} / {wal:,.0f}")
        cost.append(line)
    headers = ["scenario (msg/s)", *(NAMES[n] for n in shown)]
    headers += [f"queen / {NAMES[p]}" for p in PEERS]
    out = [table(headers, throughput), ""]
    out.append("CPU s per 10k messages (server or peer process / PostgreSQL) / WAL bytes per msg")
    out.append("")
    out.append(table(["scenario", *(NAMES[n] for n in shown)], cost))
    latency_rows = []
    for label, spec, names in all_cells:
        if spec["op"] != "latency":
            continue
        for name in names:
            runs = results.get(label, name)
            latency_rows.append(
                [
                    f"{NAMES[name]}, {label}",
                    f"{_median([r.p50 for r in runs]) * 1000:.1f}",
                    f"{_median([r.p99 for r in runs]) * 1000:.1f}",
                    f"{min(r.p50 for r in runs) * 1000:.1f}-{max(r.p50 for r in runs) * 1000:.1f}",
                    f"{_median([r.server_cpu / r.messages * 10_000 for r in runs]):.2f}",
                    f"{_median([r.pg_cpu / r.messages * 10_000 for r in runs]):.2f}",
                ]
            )
    if latency_rows:
        out.append("")
        headers = ["push -> receive", "p50 ms", "p99 ms", "p50 range", "server s/10k", "PG s/10k"]
        out.append(table(headers, latency_rows))
    return "\n".join(out)


def run() -> None:
    python = peers_python() if PEERS else None
    sys.stdout.write(
        f"machine: {machine()}; rounds: {ROUNDS}, scale: {SCALE}, server workers: {WORKERS}, "
        f"{PARTITIONS} partitions\n"
    )
    sys.stdout.flush()
    with embedded_database() as dsn, ServerProcess(dsn, workers=WORKERS) as server:
        # every load generator runs on uvloop (PGQueuer's runner too: it depends on uvloop)
        results = uvloop.run(measure(dsn, server, python))
    sys.stdout.write(report(results) + "\n")


if __name__ == "__main__":
    run()
