"""The blocking flavour: Ctrl-C stops run() cleanly, plain functions only, run in a worker
thread, and the same operators as the async Stream."""

from __future__ import annotations

import inspect
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

import queen.sync
from queen import QueenConfigError, Stream

PROCESS = Path(__file__).with_name("sync_process.py")


def test_ctrl_c_stops_run_cleanly_and_commits_what_was_handled(server_url: str) -> None:
    suffix = uuid.uuid4().hex[:8]
    source, query = f"sync-src-{suffix}", f"sync-q-{suffix}"
    total = 200
    with queen.sync.Queen(server_url) as client:
        client.queue(source).config({"leaseTime": 60}).create()
        client.queue(source).partition("p").push([{"data": {"n": n}} for n in range(total)])
        child = subprocess.Popen(
            [sys.executable, str(PROCESS), server_url, source, query],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        handled: list[int] = []
        for line in child.stdout:
            handled.append(int(line.split()[1]))
            if len(handled) == 15:
                child.send_signal(signal.SIGINT)
                break
        rest, errors = child.communicate(timeout=30)
        assert child.returncode == 0, errors
        lines = rest.splitlines()
        assert lines[-1] == "interrupted"
        handled += [int(line.split()[1]) for line in lines[:-1]]
        assert handled == list(range(len(handled)))  # in order, each once
        # Nothing is left leased (a 60 s lease would hide the rest) and the cursor is right
        # after the last handled message: the batch in progress was committed on the way out.
        started = time.monotonic()
        rest_messages = client.queue(source).group(f"streams.{query}").batch(total).wait(True).pop()
        assert time.monotonic() - started < 10
        assert [m["data"]["n"] for m in rest_messages] == list(range(len(handled), total))


def test_functions_are_plain_and_run_in_a_worker_thread(server_url: str) -> None:
    suffix = uuid.uuid4().hex[:8]
    threads: list[str] = []
    with queen.sync.Queen(server_url) as client:
        source = client.queue(f"sync-threads-{suffix}")

        async def coroutine_function(value: Any) -> Any:
            return value

        stream = queen.sync.Stream.from_(source)
        for build in (
            lambda: stream.map(coroutine_function),
            lambda: stream.foreach(coroutine_function),
            lambda: stream.window_tumbling(seconds=1, event_time=coroutine_function),
            lambda: stream.window_tumbling(seconds=1).aggregate({"n": coroutine_function}),
            lambda: stream.to(client.queue("x"), partition=coroutine_function),
        ):
            with pytest.raises(QueenConfigError, match="plain functions"):
                build()
        with pytest.raises(QueenConfigError, match=r"queen\.sync\.Queen"):
            queen.sync.Stream.from_(object())  # type: ignore[arg-type]
        source.push([{"data": {"n": 1}}])
        runner = stream.foreach(lambda v: threads.append(threading.current_thread().name)).start(
            f"sync-threads-{suffix}", max_wait_millis=100
        )
        deadline = time.monotonic() + 20
        while not threads and time.monotonic() < deadline:
            time.sleep(0.02)
        runner.stop()
        assert runner.metrics()["messagesTotal"] == 1
        assert "queen-sync-loop" not in threads[0]
        assert threads[0] != threading.current_thread().name
        assert "running" not in repr(runner)


ASYNC_ONLY = {"runner"}  # an unstarted runner for your own task group
SYNC_ONLY = {"start"}  # the blocking client starts in the background with start()


def test_the_blocking_stream_mirrors_the_async_one() -> None:
    def members(cls: type) -> dict[str, Any]:
        return {n: v for n, v in vars(cls).items() if not n.startswith("_")}

    async_members, sync_members = members(Stream), members(queen.sync.Stream)
    assert set(async_members) - ASYNC_ONLY == set(sync_members) - SYNC_ONLY
    for name in set(async_members) - ASYNC_ONLY:
        a, s = getattr(Stream, name), getattr(queen.sync.Stream, name)
        got = [(p.name, p.kind, p.default) for p in inspect.signature(s).parameters.values()]
        want = [(p.name, p.kind, p.default) for p in inspect.signature(a).parameters.values()]
        assert got == want, name
        assert not inspect.iscoroutinefunction(s), name
        assert s.__doc__, name
