"""The blocking client's way into its loop thread: ``queen._compat.LoopCall``."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import anyio.lowlevel
import pytest
from anyio.from_thread import start_blocking_portal

from queen._compat import CallCancelled, LoopCall, current_asyncio_loop


@pytest.fixture
def loop() -> Iterator[Any]:
    with start_blocking_portal("asyncio") as portal:
        yield portal.call(current_asyncio_loop)


def test_a_call_returns_its_result_and_raises_its_error(loop: Any) -> None:
    async def double(x: int) -> int:
        await anyio.lowlevel.checkpoint()
        return 2 * x

    async def fail() -> None:
        raise ValueError("no")

    assert LoopCall(loop, double, (21,)).future.result(5) == 42
    with pytest.raises(ValueError, match="no"):
        LoopCall(loop, fail, ()).future.result(5)


def test_a_call_cancelled_before_it_starts_never_runs(loop: Any) -> None:
    ran: list[int] = []

    async def work() -> None:
        ran.append(1)

    loop.call_soon_threadsafe(time.sleep, 0.3)  # keep the loop busy while we cancel
    call = LoopCall(loop, work, ())
    call.cancel()
    with pytest.raises(CallCancelled):
        call.future.result(5)
    assert ran == []


def test_cancelling_a_running_call_lets_its_shielded_clean_up_finish(loop: Any) -> None:
    started = threading.Event()
    cleaned: list[str] = []

    async def work() -> None:
        started.set()
        try:
            await anyio.sleep(30)
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.sleep(0.05)
                cleaned.append("acked")

    call = LoopCall(loop, work, ())
    assert started.wait(5)
    call.cancel()
    with pytest.raises(CallCancelled):
        call.future.result(5)
    assert cleaned == ["acked"]


def test_the_callers_context_variables_do_not_reach_the_loop(loop: Any) -> None:
    import contextvars

    marker: contextvars.ContextVar[str] = contextvars.ContextVar("marker", default="unset")
    marker.set("caller")

    async def read() -> str:
        return marker.get()

    assert LoopCall(loop, read, ()).future.result(5) == "unset"
