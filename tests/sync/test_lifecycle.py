"""queen.sync.Queen's own guarantees: threads, Ctrl-C, close() from anywhere, shared use.

The API itself (push, pop, consume, ...) is covered by the integration scenarios, which run
under the ``sync`` flavour too.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import anyio.to_thread
import pytest

from queen import QueenClosedError, QueenConfigError, QueenError
from queen.sync import Queen


@pytest.fixture
def qname() -> Callable[[str], str]:
    suffix = uuid.uuid4().hex[:10]
    return lambda base: f"sync-{base}-{suffix}"


def open_event_loops() -> set[int]:
    return {
        id(o)
        for o in gc.get_objects()
        if isinstance(o, asyncio.AbstractEventLoop) and not o.is_closed()
    }


@pytest.fixture
def no_leaks() -> Iterator[None]:
    """Fails the test if it leaves a thread or an open event loop behind."""
    threads_before = set(threading.enumerate())
    loops_before = open_event_loops()
    yield
    left = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    assert left == []
    gc.collect()
    assert open_event_loops() - loops_before == set()


def interrupt_main_thread_when(
    event: threading.Event, then: Callable[[], None]
) -> threading.Thread:
    """Deliver SIGINT to the main thread (as Ctrl-C does) once ``event`` is set."""
    main = threading.main_thread().ident
    assert main is not None

    def run() -> None:
        if event.wait(30):
            signal.pthread_kill(main, signal.SIGINT)
        then()

    thread = threading.Thread(target=run, name="test-interrupter")
    thread.start()
    return thread


def test_no_thread_or_loop_left_after_close(
    server_url: str, qname: Callable[[str], str], no_leaks: None
) -> None:
    q = qname("leaks")
    client = Queen(server_url)
    with client:
        client.queue(q).push([{"data": i} for i in range(30)])
        events = client.queue(q).buffer({"message_count": 10, "time_millis": 50})
        for i in range(30, 45):
            events.push({"data": i})
        handler_threads: set[str] = set()
        lock = threading.Lock()

        def handler(messages: list[dict[str, Any]]) -> None:
            with lock:
                handler_threads.add(threading.current_thread().name)
            assert messages[0]["trace"]({"traceName": q, "data": {"n": len(messages)}})["success"]

        result = client.queue(q).batch(5).concurrency(3).limit(45).consume(handler)
        loop_thread = client._sync.loop.thread
        assert loop_thread is not None
        assert loop_thread.is_alive()
    assert result == {"processed": 45, "failed": 0, "ackFailures": 0}
    assert handler_threads  # handlers ran in worker threads, not in the caller
    assert threading.current_thread().name not in handler_threads
    assert not loop_thread.is_alive()
    assert client.closed


def test_ctrl_c_during_consume_stops_cleanly(
    server_url: str, qname: Callable[[str], str], no_leaks: None
) -> None:
    q = qname("ctrlc")
    total = 12
    client = Queen(server_url)
    client.queue(q).config({"leaseTime": 300}).create()
    client.queue(q).push([{"data": i} for i in range(total)])
    started = threading.Event()
    go_on = threading.Event()
    handled: list[int] = []

    def handler(message: dict[str, Any]) -> None:
        started.set()
        go_on.wait(30)  # still running when Ctrl-C arrives
        handled.append(message["data"])

    interrupter = interrupt_main_thread_when(started, then=go_on.set)
    with pytest.raises(KeyboardInterrupt):
        client.queue(q).concurrency(2).consume(handler)
    interrupter.join()
    assert 1 <= len(handled) < total  # the running handlers finished
    # Every message is either acknowledged or released at once: with a 300 s lease, anything
    # still leased would be missing here.
    rest: list[int] = []
    for _ in range(total):
        if len(handled) + len(rest) == total:
            break
        batch = client.queue(q).batch(total).wait(True).timeout_millis(5000).pop()
        assert batch, f"missing {set(range(total)) - set(handled) - set(rest)}"
        rest.extend(m["data"] for m in batch)
        client.ack(batch, True)
    assert sorted(handled + rest) == list(range(total))
    loop_thread = client._sync.loop.thread
    client.close()
    assert loop_thread is not None
    assert not loop_thread.is_alive()


def test_ctrl_c_during_a_blocking_call(server_url: str, qname: Callable[[str], str]) -> None:
    q = qname("ctrlc-pop")
    with Queen(server_url) as client:
        waiting = threading.Event()
        threading.Timer(0.3, waiting.set).start()
        interrupter = interrupt_main_thread_when(waiting, then=lambda: None)
        with pytest.raises(KeyboardInterrupt):
            client.queue(q).wait(True).timeout_millis(20_000).pop()
        interrupter.join()
        # the client is still usable
        client.queue(q).push([{"data": "after"}])
        assert [m["data"] for m in client.queue(q).wait(True).timeout_millis(5000).pop()] == [
            "after"
        ]


def test_close_from_another_thread_stops_consume(
    server_url: str, qname: Callable[[str], str], no_leaks: None
) -> None:
    q = qname("close")
    client = Queen(server_url)
    client.queue(q).push([{"data": 1}])
    started = threading.Event()
    done: list[int] = []

    def handler(message: dict[str, Any]) -> None:
        started.set()
        threading.Event().wait(0.2)
        done.append(message["data"])

    def close_later() -> None:
        started.wait(30)
        client.close()

    closer = threading.Thread(target=close_later)
    closer.start()
    result = client.queue(q).consume(handler)  # would run forever without close()
    closer.join()
    assert done == [1]
    assert result == {"processed": 1, "failed": 0, "ackFailures": 0}
    with Queen(server_url) as checker:
        assert checker.queue(q).pop() == []


def test_close_ends_a_call_another_thread_is_waiting_in(
    server_url: str,
    qname: Callable[[str], str],
    no_leaks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from queen.sync import _loop

    monkeypatch.setattr(_loop, "IN_FLIGHT_GRACE_SECONDS", 0.5)
    q = qname("close-waiting")
    client = Queen(server_url)
    client.queue(q).create()
    outcome: list[BaseException | list[Any]] = []

    def long_poll() -> None:
        try:
            outcome.append(client.queue(q).wait(True).timeout_millis(60_000).pop())
        except BaseException as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=long_poll)
    waiter.start()
    threading.Event().wait(0.5)  # let the long poll start
    client.close()  # grace period over: the waiting pop is cancelled, not left running
    waiter.join(30)
    assert not waiter.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], QueenClosedError)
    assert "pop() did not finish: the client was closed" in str(outcome[0])


def test_close_inside_a_handler_is_refused(server_url: str, qname: Callable[[str], str]) -> None:
    q = qname("self-close")
    errors: list[str] = []
    with Queen(server_url) as client:
        client.queue(q).push([{"data": 1}])

        def handler(message: dict[str, Any]) -> None:
            try:
                client.close()
            except QueenError as exc:
                errors.append(str(exc))

        assert client.queue(q).limit(1).consume(handler)["processed"] == 1
    assert len(errors) == 1
    assert "inside a consume() handler" in errors[0]


def test_one_client_shared_by_many_threads(server_url: str, qname: Callable[[str], str]) -> None:
    q = qname("shared")
    threads, per_thread = 8, 25
    failures: list[BaseException] = []
    with Queen(server_url) as client:

        def produce(worker: int) -> None:
            try:
                for start in range(0, per_thread, 5):
                    client.queue(q).partition(f"p{worker}").push(
                        [{"data": [worker, n]} for n in range(start, start + 5)]
                    )
            except BaseException as exc:
                failures.append(exc)

        workers = [threading.Thread(target=produce, args=(w,)) for w in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert failures == []
        seen: dict[int, list[int]] = {}
        lock = threading.Lock()

        def handler(messages: list[dict[str, Any]]) -> None:
            with lock:
                for m in messages:
                    seen.setdefault(m["data"][0], []).append(m["data"][1])

        total = threads * per_thread
        result = client.queue(q).batch(10).concurrency(4).limit(total).consume(handler)
    assert result["processed"] == total
    assert seen == {w: list(range(per_thread)) for w in range(threads)}


def test_use_after_close_raises(server_url: str) -> None:
    client = Queen(server_url)
    client.close()
    client.close()  # idempotent
    assert client.closed
    with pytest.raises(QueenClosedError):
        client.queue("anything").pop()


def test_async_handlers_are_refused(server_url: str) -> None:
    async def handler(message: Any) -> None:
        pass

    with Queen(server_url) as client, pytest.raises(QueenConfigError, match="async client"):
        client.queue("x").consume(handler)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_inside_an_event_loop_it_points_to_the_async_api(server_url: str, backend: str) -> None:
    client = Queen(server_url)  # constructing is fine anywhere: nothing starts yet

    async def main() -> list[Any]:
        with pytest.raises(QueenError, match=r"from queen import Queen"):
            client.queue("x").pop()
        # from a worker thread of that loop it is fine
        return await anyio.to_thread.run_sync(client.queue("x").pop)

    try:
        assert anyio.run(main, backend=backend) == []
    finally:
        client.close()


def test_bad_options_raise_at_construction() -> None:
    with pytest.raises(QueenConfigError, match="retry_attempts"):
        Queen("http://127.0.0.1:1", retry_attempts="3")
