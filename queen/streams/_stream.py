"""``Stream``: an immutable, fluent description of a streaming pipeline over a source queue.

    runner = await (
        Stream.from_(queen.queue("orders"))
        .key_by(lambda m: m["data"]["customer"])
        .window_tumbling(seconds=60)
        .aggregate({"count": lambda v: 1, "sum": lambda v: v["amount"]})
        .to(queen.queue("orders.per-customer"))
        .run("orders-per-customer")
    )

Each method returns a new ``Stream``; nothing runs before ``run()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from .._builders import QueueBuilder, builder_core
from .._errors import QueenConfigError
from ._fn import user_fn
from ._gate import gate_op
from ._options import RunOptions, settings
from ._pipeline import Operator, Step, StepKind, compile_pipeline
from ._reduce import aggregate_op, reduce_op
from ._runner import Runner, UserCode, inline
from ._sink import Sink, foreach_op, sink_op
from ._windows import cron, session, sliding, tumbling

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

    from .._core import ClientCore


def client_task_group(core: ClientCore) -> TaskGroup | None:
    """The task group of an open client (``async with Queen(...)``), where its buffer
    flushers run too; None when the client was not opened as a context."""
    return core.task_group


def _queue_name(builder: Any, what: str) -> tuple[QueueBuilder, str]:
    if not isinstance(builder, QueueBuilder):
        raise QueenConfigError(
            f"{what} takes a queue builder of the async client, queen.queue('name'), got "
            f"{builder!r} (for queen.sync.Queen use queen.sync.Stream)"
        )
    name = builder.options.queue
    if not name:
        raise QueenConfigError(f"{what} needs a named queue: queen.queue('name')")
    return builder, name


class Stream:
    """A streaming pipeline over a source queue; see the README's "Streams" section.

    Operators: :meth:`map`, :meth:`filter`, :meth:`flat_map`, :meth:`key_by`, the windows
    (:meth:`window_tumbling`, :meth:`window_sliding`, :meth:`window_session`,
    :meth:`window_cron`) followed by :meth:`reduce` or :meth:`aggregate`, or a :meth:`gate`;
    then :meth:`to` (a sink queue) or :meth:`foreach`. Functions may be plain or ``async``.
    """

    __slots__ = ("_operators", "_source")

    def __init__(self, source: QueueBuilder, operators: tuple[Operator, ...] = ()) -> None:
        self._source = source
        self._operators = operators

    @classmethod
    def from_(cls, queue: QueueBuilder, **_options: Any) -> Stream:
        """A stream reading ``queue`` (``queen.queue("name")``, or one partition of it:
        ``queen.queue("name").partition("p")``)."""
        source, _ = _queue_name(queue, "Stream.from_()")
        return cls(source)

    from_queue = from_

    def __repr__(self) -> str:
        from ._pipeline import kind_of

        chain = ".".join(f"{kind_of(op)}()" for op in self._operators)
        return f"<queen.streams.Stream from {self._source.options.queue!r}{'.' if chain else ''}{chain}>"

    def _then(self, op: Operator) -> Stream:
        return Stream(self._source, (*self._operators, op))

    def _step(self, kind: StepKind, fn: Any, what: str) -> Stream:
        return self._then(Step(kind, user_fn(fn, what)))

    # --- stateless -----------------------------------------------------------------
    def map(self, fn: Callable[..., Any]) -> Stream:
        """Before a window or gate: ``fn(message)`` gives the value that flows on (the source
        message has ``data``, ``partition``, ``createdAt``, ...). After a reducer or gate:
        ``fn(value)`` or ``fn(value, ctx)`` transforms each emitted value."""
        return self._step("map", fn, "map()")

    def filter(self, predicate: Callable[..., Any]) -> Stream:
        """Keep only what ``predicate`` is true for (the source message before a window or
        gate, the emitted value after)."""
        return self._step("filter", predicate, "filter()")

    def flat_map(self, fn: Callable[..., Any]) -> Stream:
        """Like :meth:`map`, but ``fn`` returns a list: zero, one or several values."""
        return self._step("flatMap", fn, "flat_map()")

    flatMap = flat_map  # JavaScript spelling, as upstream offers

    def key_by(self, fn: Callable[[Any], Any]) -> Stream:
        """Key windows and gate state by ``str(fn(message))`` instead of the source partition."""
        return self._step("keyBy", fn, "key_by()")

    keyBy = key_by

    # --- windows -------------------------------------------------------------------
    def window_tumbling(self, **options: Any) -> Stream:
        """Fixed windows of ``seconds`` (options: ``grace_period``, ``idle_flush_ms`` (5000),
        ``event_time``, ``allowed_lateness``, ``on_late``)."""
        return self._then(tumbling(options))

    def window_sliding(self, **options: Any) -> Stream:
        """Windows of ``size`` seconds starting every ``slide`` seconds (``size`` a multiple of
        ``slide``); other options as :meth:`window_tumbling`."""
        return self._then(sliding(options))

    def window_session(self, **options: Any) -> Stream:
        """Per-key sessions closed by ``gap`` seconds of inactivity (``idle_flush_ms`` 1000)."""
        return self._then(session(options))

    def window_cron(self, **options: Any) -> Stream:
        """Clock-aligned windows, ``every='second'|'minute'|'hour'|'day'|'week'`` (UTC; weeks
        start on Monday; ``idle_flush_ms`` 30000)."""
        return self._then(cron(options))

    windowTumbling = window_tumbling
    windowSliding = window_sliding
    windowSession = window_session
    windowCron = window_cron

    # --- reducing and gating -------------------------------------------------------
    def reduce(self, fn: Callable[[Any, Any], Any], initial: Any = None) -> Stream:
        """Fold each window: ``acc = fn(acc, value)`` from ``initial`` (a JSON value)."""
        return self._then(reduce_op(fn, initial))

    def aggregate(self, extractors: dict[str, Callable[[Any], Any]]) -> Stream:
        """Fold each window into named figures: ``count``, ``sum``, ``min``, ``max``, ``avg``
        (any other name is summed), each extractor called with the value."""
        return self._then(aggregate_op(extractors))

    def gate(self, fn: Callable[[Any, Any], Any]) -> Stream:
        """Let messages through while ``fn(value, ctx)`` allows them (state per key in
        ``ctx.state``); see :func:`token_bucket_gate` and :func:`sliding_window_gate`."""
        return self._then(gate_op(fn))

    # --- the end -------------------------------------------------------------------
    def to(
        self, queue: QueueBuilder, partition: str | Callable[[Any], Any] | None = None
    ) -> Stream:
        """Push every emitted value to ``queue``, exactly once, in the cycle's transaction."""
        builder, name = _queue_name(queue, "to()")
        urls = builder_core(builder).config.urls
        return self._then(sink_op(name, partition, builder.options.partition, urls))

    def foreach(self, fn: Callable[..., Any]) -> Stream:
        """Call ``fn(value)`` or ``fn(value, ctx)`` for every emitted value (at least once)."""
        return self._then(foreach_op(fn))

    # --- running -------------------------------------------------------------------
    def runner(
        self, query_id: str, url: str | None = None, **options: Unpack[RunOptions]
    ) -> Runner:
        """A runner for this stream, not started: ``await runner.serve()`` runs it (in a task
        group of yours: ``await task_group.start(stream.runner("q").serve)``)."""
        return make_runner(self._source, self._operators, query_id, url, dict(options), inline)

    async def run(
        self, query_id: str, url: str | None = None, **options: Unpack[RunOptions]
    ) -> Runner:
        """Register the query and run the stream in the background of its client; returns the
        running :class:`Runner` (``await runner.stop()``).

        The client must be open as a context (``async with Queen(...) as queen:``); its
        ``close()`` stops the stream too. ``query_id`` names the query: its state, and its
        consumer group ``streams.<query_id>``. ``url`` may repeat the client's URL (as
        upstream's SDK needs); options are upstream's: ``batch_size`` (200),
        ``max_partitions`` (4), ``max_wait_millis`` (1000), ``subscription_mode``,
        ``subscription_from``, ``reset``, ``consumer_group``, ``on_error(err, ctx)``,
        ``logger``, ``bearer_token`` (must be the client's).
        """
        runner = self.runner(query_id, url, **options)
        return await start_in_client(runner, builder_core(self._source))


def make_runner(
    source: QueueBuilder,
    operators: tuple[Operator, ...],
    query_id: str,
    url: str | None,
    options: dict[str, Any],
    user_code: UserCode,
) -> Runner:
    """Validate the stream and the options, and build its runner."""
    core = builder_core(source)
    checked = settings(query_id, url, options, core.config.urls, core.config.bearer_token)
    pipeline = compile_pipeline(operators)
    sink = pipeline.sink
    if isinstance(sink, Sink) and sink.urls != core.config.urls:
        raise QueenConfigError(
            f"to(): the sink queue {sink.queue!r} belongs to a client of {list(sink.urls)!r}, "
            f"the source to one of {list(core.config.urls)!r}; both must be on the same server"
        )
    queue = source.options.queue
    assert queue is not None
    return Runner(core, pipeline, queue, source.options.partition, checked, user_code=user_code)


async def start_in_client(runner: Runner, core: ClientCore) -> Runner:
    """Start ``runner`` in the client's task group; return once the query is registered."""
    core.check_open()
    tasks = client_task_group(core)
    if tasks is None:
        raise QueenConfigError(
            "run() runs the stream in the background of its client, which must be open: "
            "`async with Queen(url) as queen:` (or run it in a task group of your own: "
            "`await task_group.start(stream.runner(query_id).serve)`)"
        )
    started: Runner = await tasks.start(runner.serve)
    return started
