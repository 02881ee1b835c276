"""A runner process killed (SIGKILL) at random points, again and again, and restarted: every
window is emitted exactly once, with its exact count and sum."""

from __future__ import annotations

import random
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

import httpx
import pytest

from queen.sync import Queen

PROCESS = Path(__file__).with_name("stream_process.py")
PARTITIONS, PER_PARTITION, KILLS = 6, 120, 4


def start(url: str, source: str, sink: str, query: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [
            sys.executable,
            str(PROCESS),
            "--url",
            url,
            "--source",
            source,
            "--sink",
            sink,
            "--query",
            query,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "running", child.stderr.read() if child.stderr else line
    return child


def consumed(url: str, source: str) -> int:
    """How many source messages the query's consumer group has committed."""
    answer = httpx.get(f"{url}/api/v1/resources/queues/{source}", timeout=10).json()
    total = 0
    for partition in answer["partitions"]:
        total += partition["stats"]["completed"]
    return total


@pytest.mark.slow
def test_killing_the_runner_process_loses_nothing_and_counts_nothing_twice(
    server_url: str,
) -> None:
    suffix = uuid.uuid4().hex[:8]
    source, sink, query = f"kill-src-{suffix}", f"kill-out-{suffix}", f"kill-q-{suffix}"
    rng = random.Random(suffix)
    expected: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    with Queen(server_url) as queen:
        queen.queue(source).config({"leaseTime": 1}).create()
        for p in range(PARTITIONS):
            events = [{"v": rng.randint(1, 1000), "ts": i * 20} for i in range(PER_PARTITION)]
            for e in events:
                window = expected[(f"p{p}", e["ts"] - e["ts"] % 1000)]
                window[0] += 1
                window[1] += e["v"]
            events.append({"v": 0, "ts": 100_000})  # moves the watermark past every window
            queen.queue(source).partition(f"p{p}").push([{"data": e} for e in events])

        # Kill points spread over the run: once a fifth, two fifths, ... of the events are
        # committed, plus a random few milliseconds, so that kills land anywhere in a cycle.
        total = PARTITIONS * (PER_PARTITION + 1)
        progress = []
        for k in range(1, KILLS + 1):
            child = start(server_url, source, sink, query)
            deadline = time.monotonic() + 30
            while consumed(server_url, source) < total * k // (KILLS + 1):
                assert time.monotonic() < deadline, "the runner made no progress"
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.03))
            child.kill()  # SIGKILL: no clean-up of any kind
            child.wait()
            progress.append(consumed(server_url, source))
        child = start(server_url, source, sink, query)
        try:
            got: list[dict[str, int]] = []
            reader = queen.queue(sink).batch(1000).partitions(50).auto_ack(True).wait(True)
            deadline = time.monotonic() + 30
            while len(got) < len(expected) and time.monotonic() < deadline:
                got += [m["data"] for m in reader.timeout_millis(200).pop()]
        finally:
            child.kill()
            child.wait()
    windows = [(w["p"], w["start"]) for w in got]
    assert len(windows) == len(set(windows)), "a window was emitted twice"
    assert {(w["p"], w["start"]): [w["count"], w["sum"]] for w in got} == dict(expected)
    assert progress[-1] < total  # every kill came before the end
