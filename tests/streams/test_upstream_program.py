"""A program written for the upstream client's streaming SDK (queen-mq 2.6.0) runs unchanged
on this client, with the same results (``upstream_program.py``; the expected summary below is
what that program prints with queen-mq 2.6.0 against the same server)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

PROGRAM = Path(__file__).with_name("upstream_program.py")


def windows(customer: str, amounts: list[int]) -> list[list[object]]:
    """The three 10 s windows of one customer's orders (3, 2 and 1 orders)."""
    rows: list[list[object]] = []
    for start, part in ((0, amounts[:3]), (10, amounts[3:5]), (20, amounts[5:])):
        key = f"1970-01-01T00:00:{start:02d}.000Z"
        rows.append([customer, key, len(part), sum(part), max(part), sum(part) / len(part)])
    return rows


def test_an_upstream_streams_program_runs_unchanged(server_url: str) -> None:
    done = subprocess.run(
        [sys.executable, str(PROGRAM), server_url, uuid.uuid4().hex[:8]],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROGRAM.parent,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    expected_windows = []
    for c in range(3):
        expected_windows += windows(f"c{c}", [10 * (c + 1) + i for i in range(6)])
    assert summary == {
        "windows": expected_windows,
        "approved": 24,  # 3 customers x 8 orders, all within the token bucket
        "sessions": [["c0", 7], ["c1", 7], ["c2", 7]],  # 7 orders 4 s apart, then a gap
        "watched": sorted([-5, 1] * 3 + [10 * (c + 1) + i for c in range(3) for i in range(6)]),
        "messages": 24,
        "errors": [],
    }
