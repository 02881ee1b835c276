"""The blocking flavour of ``queen.streams``: ``queen.sync.Stream``.

The same operators and options as :class:`queen.streams.Stream`, on a ``queen.sync.Queen``'s
queues; functions are plain functions. ``run()`` blocks until the stream is stopped (Ctrl-C
stops it cleanly: the batches already delivered are committed, then ``KeyboardInterrupt``
propagates); ``start()`` returns a running :class:`Runner` at once.

The stream runs on the client's loop thread like every other call of the blocking client. The
user's functions of a batch run together in one worker thread (one batch at a time), so a
slow function or a blocking call inside ``foreach`` never holds up the loop, and functions
never run in parallel with each other.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import anyio.to_thread
from typing_extensions import Unpack

from .._errors import QueenConfigError
from ..streams import _stream as aio
from ..streams._options import RunOptions
from ..streams._runner import Runner as AsyncRunner
from ._builders import QueueBuilder, unwrap

if TYPE_CHECKING:
    from ._core import SyncCore

T = TypeVar("T")


def _plain(fn: Any, what: str) -> Any:
    """``fn`` unless it is a coroutine function (which a blocking stream cannot run)."""
    if inspect.iscoroutinefunction(fn):
        raise QueenConfigError(
            f"queen.sync.Stream runs plain functions; {what} got the coroutine function "
            f"{getattr(fn, '__qualname__', fn)!r}: use queen.Stream (async) for async functions"
        )
    return fn


def _drive(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends (it only calls plain functions) to its end."""
    try:
        coroutine.send(None)
    except StopIteration as finished:
        result: T = finished.value
        return result
    coroutine.close()
    raise QueenConfigError(
        "a function of a queen.sync stream returned something that must be awaited; "
        "use queen.Stream (async) for async functions"
    )


class _InThread:
    """Runs the stream's user code in a worker thread, one batch at a time."""

    def __init__(self) -> None:
        self._limiter: anyio.CapacityLimiter | None = None

    async def __call__(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        coroutine = func(*args)
        assert inspect.iscoroutine(coroutine)
        return await anyio.to_thread.run_sync(_drive, coroutine, limiter=self._limiter)


class Runner:
    """A running blocking stream: ``stop()``, ``wait()``, ``metrics()``, ``state()``."""

    __slots__ = ("_runner", "_sync")

    def __init__(self, sync: SyncCore, runner: AsyncRunner) -> None:
        self._sync = sync
        self._runner = runner

    def __repr__(self) -> str:
        return repr(self._runner).replace("<queen.streams.", "<queen.sync.streams.", 1)

    @property
    def query_id(self) -> str:
        """The query's name."""
        return self._runner.query_id

    def stop(self) -> None:
        """Stop the stream (the batches already delivered are committed first); blocks."""
        if not self._sync.core.closed:
            self._sync.run("stop", self._runner.stop)

    def wait(self) -> dict[str, Any]:
        """Block until the stream stops; return its metrics. Ctrl-C stops it cleanly, then
        ``KeyboardInterrupt`` propagates."""
        job = self._sync.start("wait", self._runner.wait)
        try:
            job.finished.wait()
        except KeyboardInterrupt:
            self.stop()
            raise
        with contextlib.suppress(CancelledError):  # the client was closed meanwhile
            job.result()
        return self.metrics()

    def metrics(self) -> dict[str, Any]:
        """Counters since start (see :meth:`queen.streams.Runner.metrics`)."""
        return self._runner.metrics()

    def partitions(self) -> dict[str, str]:
        """The source partitions seen so far: name → id."""
        return self._runner.partitions()

    def state(self, partition: str) -> dict[str, Any]:
        """The query's stored state on one source partition (by name or id)."""
        rows: dict[str, Any] = self._sync.run("state", self._runner.state, partition)
        return rows


def _window_options(options: dict[str, Any]) -> dict[str, Any]:
    for name in ("event_time", "eventTime"):
        if name in options:
            _plain(options[name], name)
    return options


class Stream:
    """A streaming pipeline over a ``queen.sync.Queen`` queue (see :class:`queen.Stream`)."""

    __slots__ = ("_inner", "_sync")

    def __init__(self, sync: SyncCore, inner: aio.Stream) -> None:
        self._sync = sync
        self._inner = inner

    @classmethod
    def from_(cls, queue: QueueBuilder, **_options: Any) -> Stream:
        """A stream reading ``queue`` (``queen.queue("name")``, or one partition of it)."""
        if not isinstance(queue, QueueBuilder):
            raise QueenConfigError(
                "queen.sync.Stream.from_() takes a queue builder of queen.sync.Queen, got "
                f"{queue!r} (for the async client use queen.Stream)"
            )
        sync, builder = unwrap(queue)
        return cls(sync, aio.Stream.from_(builder))

    from_queue = from_

    def __repr__(self) -> str:
        return repr(self._inner).replace("<queen.streams.", "<queen.sync.streams.", 1)

    def _then(self, inner: aio.Stream) -> Stream:
        return Stream(self._sync, inner)

    def map(self, fn: Callable[..., Any]) -> Stream:
        """See :meth:`queen.Stream.map` (a plain function)."""
        return self._then(self._inner.map(_plain(fn, "map()")))

    def filter(self, predicate: Callable[..., Any]) -> Stream:
        """See :meth:`queen.Stream.filter`."""
        return self._then(self._inner.filter(_plain(predicate, "filter()")))

    def flat_map(self, fn: Callable[..., Any]) -> Stream:
        """See :meth:`queen.Stream.flat_map`."""
        return self._then(self._inner.flat_map(_plain(fn, "flat_map()")))

    flatMap = flat_map

    def key_by(self, fn: Callable[[Any], Any]) -> Stream:
        """See :meth:`queen.Stream.key_by`."""
        return self._then(self._inner.key_by(_plain(fn, "key_by()")))

    keyBy = key_by

    def window_tumbling(self, **options: Any) -> Stream:
        """See :meth:`queen.Stream.window_tumbling`."""
        return self._then(self._inner.window_tumbling(**_window_options(options)))

    def window_sliding(self, **options: Any) -> Stream:
        """See :meth:`queen.Stream.window_sliding`."""
        return self._then(self._inner.window_sliding(**_window_options(options)))

    def window_session(self, **options: Any) -> Stream:
        """See :meth:`queen.Stream.window_session`."""
        return self._then(self._inner.window_session(**_window_options(options)))

    def window_cron(self, **options: Any) -> Stream:
        """See :meth:`queen.Stream.window_cron`."""
        return self._then(self._inner.window_cron(**_window_options(options)))

    windowTumbling = window_tumbling
    windowSliding = window_sliding
    windowSession = window_session
    windowCron = window_cron

    def reduce(self, fn: Callable[[Any, Any], Any], initial: Any = None) -> Stream:
        """See :meth:`queen.Stream.reduce`."""
        return self._then(self._inner.reduce(_plain(fn, "reduce()"), initial))

    def aggregate(self, extractors: dict[str, Callable[[Any], Any]]) -> Stream:
        """See :meth:`queen.Stream.aggregate`."""
        if isinstance(extractors, dict):
            for name, fn in extractors.items():
                _plain(fn, f"aggregate() field {name!r}")
        return self._then(self._inner.aggregate(extractors))

    def gate(self, fn: Callable[[Any, Any], Any]) -> Stream:
        """See :meth:`queen.Stream.gate`."""
        return self._then(self._inner.gate(_plain(fn, "gate()")))

    def to(
        self, queue: QueueBuilder, partition: str | Callable[[Any], Any] | None = None
    ) -> Stream:
        """See :meth:`queen.Stream.to` (a queue of the same ``queen.sync.Queen``)."""
        if not isinstance(queue, QueueBuilder):
            raise QueenConfigError(f"to() takes a queue builder of queen.sync.Queen, got {queue!r}")
        if callable(partition):
            _plain(partition, "to(partition=...)")
        return self._then(self._inner.to(unwrap(queue)[1], partition))

    def foreach(self, fn: Callable[..., Any]) -> Stream:
        """See :meth:`queen.Stream.foreach` (``fn`` runs in a worker thread)."""
        return self._then(self._inner.foreach(_plain(fn, "foreach()")))

    def start(self, query_id: str, url: str | None = None, **options: Unpack[RunOptions]) -> Runner:
        """Register the query and start the stream on the client's loop thread; returns the
        running :class:`Runner` at once (options as :meth:`queen.Stream.run`)."""
        runner = aio.make_runner(
            self._inner._source, self._inner._operators, query_id, url, dict(options), _InThread()
        )
        self._sync.run("run", aio.start_in_client, runner, self._sync.core)
        return Runner(self._sync, runner)

    def run(
        self, query_id: str, url: str | None = None, **options: Unpack[RunOptions]
    ) -> dict[str, Any]:
        """Run the stream until it is stopped (``runner.stop()`` from another thread, the
        client's ``close()``, or Ctrl-C, which stops it cleanly and then propagates); returns
        the final metrics."""
        return self.start(query_id, url, **options).wait()
