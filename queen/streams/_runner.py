"""The runner: pops the source, runs each partition's batch through the pipeline and commits
the outcome with one ``/streams/v1/cycle`` per partition and batch.

Exactly once. A cycle commits, in one database transaction, the state changes, the sink's
messages and the acknowledgement of the batch's last message, with the lease the batch was
delivered under. Whatever happens to the runner, a batch is either entirely committed (and
not delivered again) or not at all (and delivered again when the lease expires, then computed
from the state as it was). On top of upstream's cycle, this runner:

* keeps each partition's state between cycles and sends the state version it computed from
  (``expect_version``): a cycle based on state that another writer changed meanwhile (an idle
  flush of another runner of the same query, a reset) is refused, and the runner reloads the
  state and computes again;
* names each cycle (``cycle_id``), so a cycle whose answer was lost can be sent again: the
  server answers "already applied" instead of applying it twice;
* acknowledges the last message *delivered*, never reordering a batch;
* gives sink messages transactionIds derived from the query and the cycle.

With a server that reports no state versions (upstream's), the state is read before every
cycle and a cycle whose answer is lost is not repeated (the lease's expiry redelivers it).

One task polls; the partitions of one pop are processed concurrently; a second task closes
processing-time windows on the clock (idle flush). A per-partition lock keeps the two apart.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import anyio
import orjson
from anyio.abc import TaskStatus

from .. import _log
from .._encode import items_fragment
from .._errors import (
    QueenClosedError,
    QueenConfigError,
    QueenConnectionError,
    QueenError,
    QueenServerError,
)
from .._ids import is_uuid, uuid7
from .._options import PopRequest
from ..admin import Admin
from ._calls import Registration, commit, read_state, register
from ._emit import Prepared, cycle_tag, prepare
from ._engine import Outcome, Where, run_batch, run_flush
from ._errors import CycleRejected, QueenStreamError
from ._fn import awaitable
from ._options import Settings
from ._sink import Sink
from ._state import PartitionState

if TYPE_CHECKING:
    from .._core import ClientCore
    from ._pipeline import Pipeline

T = TypeVar("T")

#: how often a cycle is computed again after the state moved on under it
MAX_STALE_RETRIES = 5
#: how often a cycle is sent again after its answer was lost (replay-safe servers only)
SEND_ATTEMPTS = 3
#: partitions whose state is kept in memory (least recently used ones are dropped)
MAX_CACHED_PARTITIONS = 4096
#: how often the flush task asks which partitions hold open windows (another runner's too)
DISCOVERY_INTERVAL_MS = 30_000
#: a partition without state and without messages for this long is forgotten
FORGET_AFTER_MS = 5 * 60_000
#: after its state moved on under this runner, a partition's state is read afresh for this
#: many batches (it is shared with another runner: a kept copy would mostly be stale)
SHARED_READS = 50


class UserCode(Protocol):
    """Runs a coroutine function that calls the user's functions (inline, or in a thread)."""

    async def __call__(self, func: Callable[..., Awaitable[T]], *args: Any) -> T: ...


async def inline(func: Callable[..., Awaitable[T]], *args: Any) -> T:
    """The async flavour: user functions run on the event loop (``async def`` ones awaited)."""
    return await func(*args)


def _wall_ms() -> int:
    return int(time.time() * 1000)


def _now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Runner:
    """A running (or runnable) stream: ``await runner.stop()``, ``runner.metrics()``,
    ``await runner.state(partition)``.

    Obtained from ``await stream.run(query_id)`` (already running, as a background task of the
    client), or from ``stream.runner(query_id)`` and run with ``await runner.serve()`` in a
    task group of your own: ``runner = await task_group.start(stream.runner("q").serve)``.
    """

    def __init__(
        self,
        core: ClientCore,
        pipeline: Pipeline,
        source: str,
        source_partition: str | None,
        settings: Settings,
        *,
        user_code: UserCode = inline,
        clock: Callable[[], int] = _wall_ms,
    ) -> None:
        self._core = core
        self._pipeline = pipeline
        self._source = source
        self._source_partition = source_partition
        self._settings = settings
        self._user = user_code
        self._clock = clock
        self._registration: Registration | None = None
        self._states: OrderedDict[str, PartitionState] = OrderedDict()
        self._locks: dict[str, anyio.Lock] = {}
        self._known: dict[str, str] = {}  # partition id → name
        self._touched: dict[str, int] = {}  # partition id → clock of its last batch
        self._due: dict[str, float] = {}  # partition id → when something may close
        self._shared: dict[str, int] = {}  # partition id → batches left to read afresh
        self._serving = False
        self._stopping = False
        self._pause_scope: anyio.CancelScope | None = None
        self._ended = False
        self._done: anyio.Event | None = None  # made by serve(), inside the event loop
        self._metrics: dict[str, Any] = {
            "cyclesTotal": 0,
            "flushCyclesTotal": 0,
            "messagesTotal": 0,
            "pushItemsTotal": 0,
            "stateOpsTotal": 0,
            "lateEventsTotal": 0,
            "errorsTotal": 0,
            "gateAllowsTotal": 0,
            "gateDenialsTotal": 0,
            "staleStateRetriesTotal": 0,
            "lastCycleAt": None,
            "lastFlushAt": None,
            "lastError": None,
        }

    def __repr__(self) -> str:
        phase = "stopped" if self._ended else "running" if self._serving else "new"
        return (
            f"<queen.streams.Runner {phase} query_id={self._settings.query_id!r} "
            f"source={self._source!r} group={self._settings.consumer_group!r}>"
        )

    # --- public API --------------------------------------------------------------------
    @property
    def query_id(self) -> str:
        """The query's name (``run()``'s ``query_id``)."""
        return self._settings.query_id

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` has been called."""
        return self._stopping

    @property
    def consumer_group(self) -> str:
        """The consumer group the source is read as (default ``streams.<query_id>``)."""
        return self._settings.consumer_group

    def metrics(self) -> dict[str, Any]:
        """Counters since start (upstream's names): cycles, flush cycles, messages, sink
        messages, state operations, late events, errors, gate allows/denials, last error."""
        query = self._registration.query_uuid if self._registration else None
        return {**self._metrics, "queryId": self.query_id, "serverQueryId": query}

    def partitions(self) -> dict[str, str]:
        """The source partitions this runner has seen or found state on: name → id."""
        return {name: pid for pid, name in self._known.items()}

    async def state(self, partition: str) -> dict[str, Any]:
        """The query's stored state on one source partition (by name or id), as stored:
        ``w\\x1f<windowStart>\\x1f<key>`` → ``{"acc", "windowStart", "windowEnd"}`` for open
        windows, ``s\\x1f<key>`` for open sessions, ``g\\x1f<key>`` for gate state,
        ``__wm__`` for the event-time watermark."""
        if self._registration is None:
            raise QueenConfigError("the runner has not started: nothing to inspect yet")
        pid = partition if is_uuid(partition) else await self._partition_id(partition)
        rows, _ = await read_state(self._core, self._registration.query_uuid, pid)
        return rows

    async def _partition_id(self, name: str) -> str:
        known = self.partitions().get(name)
        if known is not None:
            return known
        queue = await Admin(self._core).get_queue(self._source)
        for found in queue.get("partitions") or []:
            if isinstance(found, dict) and found.get("name") == name and found.get("id"):
                return str(found["id"])
        raise QueenConfigError(f"queue {self._source!r} has no partition {name!r}")

    async def stop(self) -> None:
        """Stop: the pop in progress ends (within ``max_wait_millis``), the batches already
        delivered are committed, then the runner ends. Idempotent."""
        self._stopping = True
        if self._pause_scope is not None:
            self._pause_scope.cancel()
        await self.wait()

    async def wait(self) -> None:
        """Wait until the runner has ended (after :meth:`stop`, or cancellation)."""
        if self._done is not None:
            await self._done.wait()

    async def serve(self, *, task_status: TaskStatus[Runner] = anyio.TASK_STATUS_IGNORED) -> None:
        """Register the query, then run until :meth:`stop` (or cancellation).

        Errors after the start are reported (``on_error``, the log, ``metrics()``) and the
        runner carries on; a registration failure raises.
        """
        if self._serving or self._ended:
            raise QueenConfigError("a runner runs once; make another with stream.runner(...)")
        self._serving = True
        self._done = anyio.Event()
        try:
            self._registration = await register(
                self._core,
                name=self.query_id,
                source=self._source,
                sink=self._pipeline.sink.queue if isinstance(self._pipeline.sink, Sink) else None,
                config_hash=self._pipeline.config_hash,
                reset=self._settings.reset,
            )
            self._discovered(self._registration)
            self._log("info", "stream started", {"fresh": self._registration.fresh})
            task_status.started(self)
            async with anyio.create_task_group() as tasks:
                if self._pipeline.idle_flush_ms > 0:
                    tasks.start_soon(self._flush_loop)
                await self._poll_loop()
                tasks.cancel_scope.cancel()
        finally:
            self._serving = False
            self._ended = True
            self._done.set()
            self._log("info", "stream stopped", self._metrics)

    # --- polling -----------------------------------------------------------------------
    async def _poll_loop(self) -> None:
        s = self._settings
        request = PopRequest(
            queue=self._source,
            partition=self._source_partition,
            group=s.consumer_group,
            namespace=None,
            task=None,
            batch=s.batch_size,
            partitions=None if self._source_partition else s.max_partitions,
            wait=s.max_wait_millis > 0,
            timeout_millis=max(1, s.max_wait_millis),
            auto_ack=False,
            subscription_mode=s.subscription_mode,
            subscription_from=s.subscription_from,
        )
        # Batches of different partitions are processed while the next pop is under way (at
        # most max_partitions at once); a partition's lease keeps its batches one at a time.
        slots = anyio.Semaphore(max(2, s.max_partitions))
        failures = 0
        async with anyio.create_task_group() as batches:
            while not self._stopping:
                await slots.acquire()
                began = time.monotonic()
                try:
                    messages = await self._core.pop(request)
                except QueenClosedError:
                    slots.release()
                    break
                except QueenError as exc:
                    slots.release()
                    failures += 1
                    await self._report(exc, {"phase": "pop"})
                    await self._pause(min(5.0, 0.5 * failures))
                    continue
                failures = 0
                if not messages:
                    slots.release()
                    if time.monotonic() - began < 0.05:  # answered at once: do not spin
                        await self._pause(0.1)
                    continue
                groups: dict[str, list[Any]] = {}
                for message in messages:
                    groups.setdefault(str(message.get("partitionId")), []).append(message)
                for n, (pid, batch) in enumerate(groups.items()):
                    if n:
                        await slots.acquire()
                    batches.start_soon(self._process_in_slot, pid, batch, slots)

    async def _process_in_slot(
        self, pid: str, messages: list[dict[str, Any]], slots: anyio.Semaphore
    ) -> None:
        try:
            await self._process(pid, messages)
        finally:
            slots.release()

    async def _pause(self, seconds: float) -> None:
        """Sleep, unless stop() is called meanwhile."""
        with anyio.CancelScope() as scope:
            self._pause_scope = scope
            if not self._stopping:
                await anyio.sleep(seconds)
        self._pause_scope = None

    async def _process(self, pid: str, messages: list[dict[str, Any]]) -> None:
        """Compute and commit one partition's batch; failures are reported, never raised."""
        name = str(messages[0].get("partition") or pid)
        self._known[pid] = name
        self._touched[pid] = self._clock()
        async with self._lock(pid):
            for _ in range(MAX_STALE_RETRIES):
                try:
                    state = await self._load(pid)
                    where = Where(pid, name, self._clock())
                    outcome, prepared = await self._user(self._compute, messages, state, where)
                except QueenError as exc:
                    await self._report(exc, {"phase": "state", "partition": pid})
                    return
                except Exception as exc:  # the user's code failed: nothing is committed
                    await self._report(exc, {"phase": "cycle", "partition": pid})
                    return
                await self._count_outcome(outcome, pid)
                if not outcome.has_work:
                    return
                body = self._body(pid, state, outcome, prepared, messages)
                if await self._commit(pid, state, outcome, prepared, body, flush=False):
                    return
            await self._stale_gave_up(pid)

    async def _compute(
        self, messages: list[dict[str, Any]], state: PartitionState, where: Where
    ) -> tuple[Outcome, Prepared]:
        outcome = await run_batch(self._pipeline, messages, state, where)
        anchor = str(messages[outcome.ack]["id"]) if outcome.ack is not None else "none"
        prepared = await prepare(self._pipeline, outcome, where, self._tag(anchor))
        return outcome, prepared

    # --- idle flush --------------------------------------------------------------------
    async def _flush_loop(self) -> None:
        interval = self._pipeline.idle_flush_ms / 1000
        next_discovery = self._clock() + DISCOVERY_INTERVAL_MS
        while not self._stopping:
            await anyio.sleep(interval)
            now = self._clock()
            for pid in list(self._known):
                if self.stopping:
                    return
                if self._due.get(pid, 0) <= now:
                    await self._flush(pid, now)
            if now >= next_discovery:
                next_discovery = now + DISCOVERY_INTERVAL_MS
                await self._rediscover()
            self._forget_idle(now)

    async def _flush(self, pid: str, now: int) -> None:
        window = self._pipeline.window
        if window is None or self._pipeline.event_time:
            return
        async with self._lock(pid):
            for _ in range(MAX_STALE_RETRIES):
                try:
                    state = await self._load(pid)
                    due = state.next_close(window.grace_ms, window.size_ms)
                    self._due[pid] = due
                    if due > now:
                        return
                    where = Where(pid, self._known.get(pid, pid), now)
                    anchor = f"f{state.version}" if state.version is not None else uuid7()
                    outcome, prepared = await self._user(self._compute_flush, state, where, anchor)
                except QueenError as exc:
                    await self._report(exc, {"phase": "flush", "partition": pid})
                    return
                except Exception as exc:
                    await self._report(exc, {"phase": "flush", "partition": pid})
                    return
                if not outcome.has_work:
                    return
                body = self._body(pid, state, outcome, prepared, [])
                if await self._commit(pid, state, outcome, prepared, body, flush=True):
                    return
            await self._stale_gave_up(pid)

    async def _compute_flush(
        self, state: PartitionState, where: Where, anchor: str
    ) -> tuple[Outcome, Prepared]:
        outcome = await run_flush(self._pipeline, state, where.now_ms)
        prepared = await prepare(self._pipeline, outcome, where, self._tag(anchor))
        return outcome, prepared

    async def _rediscover(self) -> None:
        """Learn about partitions with open windows (e.g. left by a runner that stopped)."""
        if self._registration is None or self._registration.partitions is None:
            return
        try:
            registration = await register(
                self._core,
                name=self.query_id,
                source=self._source,
                sink=self._pipeline.sink.queue if isinstance(self._pipeline.sink, Sink) else None,
                config_hash=self._pipeline.config_hash,
                reset=False,
            )
        except QueenError as exc:
            await self._report(exc, {"phase": "discovery"})
            return
        self._discovered(registration)

    def _discovered(self, registration: Registration) -> None:
        for pid, name in registration.partitions or []:
            if pid not in self._known:
                self._known[pid] = name
                self._touched[pid] = self._clock()
                self._due[pid] = 0

    def _forget_idle(self, now: int) -> None:
        for pid in list(self._known):
            state = self._states.get(pid)
            idle = now - self._touched.get(pid, now) > FORGET_AFTER_MS
            if idle and state is not None and state.empty and not self._lock(pid).locked():
                tables = (self._known, self._touched, self._due, self._locks, self._states)
                for table in (*tables, self._shared):
                    table.pop(pid, None)

    # --- committing --------------------------------------------------------------------
    def _tag(self, anchor: str) -> str:
        """The cycle's tag, of which its sink messages' transactionIds are made."""
        assert self._registration is not None
        query = f"{self._registration.query_uuid}:{self._pipeline.config_hash}"
        return cycle_tag(query, anchor)

    def _body(
        self,
        pid: str,
        state: PartitionState,
        outcome: Outcome,
        prepared: Prepared,
        messages: list[dict[str, Any]],
    ) -> dict[str, Any]:
        assert self._registration is not None
        ack = None
        if outcome.ack is not None:
            last = messages[outcome.ack]
            ack = {
                "transactionId": last.get("transactionId"),
                "leaseId": last.get("leaseId") or "",
                "status": "completed",
                "count": outcome.count,
            }
        body: dict[str, Any] = {
            "query_id": self._registration.query_uuid,
            "partition_id": pid,
            "consumer_group": self._settings.consumer_group,
            "release_lease": outcome.release,
            "state_ops": orjson.Fragment(b"[" + b",".join(prepared.state_ops) + b"]"),
            "push_items": items_fragment(prepared.push_items),
            "ack": ack,
            "cycle_id": uuid7(),
        }
        if state.version is not None:
            body["expect_version"] = state.version
        return body

    async def _commit(
        self,
        pid: str,
        state: PartitionState,
        outcome: Outcome,
        prepared: Prepared,
        body: dict[str, Any],
        *,
        flush: bool,
    ) -> bool:
        """Send a cycle; True when done with the batch (committed, or given up), False when
        it must be computed again from fresh state."""
        phase = "flush" if flush else "cycle"
        try:
            answer = await self._send(body, replayable=state.version is not None)
        except CycleRejected as exc:
            self._states.pop(pid, None)
            if exc.stale_state:
                self._metrics["staleStateRetriesTotal"] += 1
                self._shared[pid] = SHARED_READS
                return False
            await self._report(exc, {"phase": phase, "partition": pid})
            return True
        except QueenError as exc:
            self._states.pop(pid, None)  # unknown outcome: read the state again next time
            await self._report(exc, {"phase": phase, "partition": pid})
            return True
        # The state as committed (a replayed answer is this very cycle, applied earlier).
        version = answer.get("state_version")
        if not isinstance(version, int) or isinstance(version, bool):
            version = None
        state.apply(outcome.changes, version)
        if version is not None:
            self._states[pid] = state
            self._states.move_to_end(pid)
            while len(self._states) > MAX_CACHED_PARTITIONS:
                self._states.popitem(last=False)
        else:
            self._states.pop(pid, None)  # read again before the next cycle
        window = self._pipeline.window
        if window is not None:
            self._due[pid] = state.next_close(window.grace_ms, window.size_ms)
        m = self._metrics
        m["flushCyclesTotal" if flush else "cyclesTotal"] += 1
        m["lastFlushAt" if flush else "lastCycleAt"] = _now_iso()
        m["messagesTotal"] += outcome.count
        m["pushItemsTotal"] += len(prepared.push_items)
        m["stateOpsTotal"] += len(prepared.state_ops)
        return True

    async def _send(self, body: dict[str, Any], *, replayable: bool) -> dict[str, Any]:
        """Send a cycle; repeat it after a lost answer when the server recognises repeats."""
        attempts = SEND_ATTEMPTS if replayable else 1
        for attempt in range(attempts):
            try:
                return await commit(self._core, body)
            except CycleRejected:
                raise
            except (QueenConnectionError, QueenServerError) as exc:
                if attempt == attempts - 1 or (
                    isinstance(exc, QueenServerError) and 0 < exc.status < 500
                ):
                    raise
                self._log("warn", "cycle answer lost; sending it again", {"error": str(exc)})
                await anyio.sleep(self._core.transport.backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    async def _load(self, pid: str) -> PartitionState:
        """The partition's state: kept, or read (kept only when the server versions it)."""
        state = self._states.get(pid)
        shared = self._shared.get(pid, 0)
        if shared:
            self._shared[pid] = shared - 1
        elif state is not None:
            self._states.move_to_end(pid)
            return state
        assert self._registration is not None
        rows, version = await read_state(self._core, self._registration.query_uuid, pid)
        state = PartitionState.load(rows, version)
        if version is not None:
            self._states[pid] = state
        return state

    def _lock(self, pid: str) -> anyio.Lock:
        lock = self._locks.get(pid)
        if lock is None:
            lock = self._locks[pid] = anyio.Lock()
        return lock

    async def _stale_gave_up(self, pid: str) -> None:
        error = QueenStreamError(
            f"partition {pid}: the state kept changing under {MAX_STALE_RETRIES} attempts; the "
            "batch is left to be delivered again",
            status=200,
        )
        await self._report(error, {"phase": "cycle", "partition": pid})

    # --- reporting ---------------------------------------------------------------------
    async def _count_outcome(self, outcome: Outcome, pid: str) -> None:
        m = self._metrics
        m["lateEventsTotal"] += outcome.late
        if self._pipeline.gate is not None:
            m["gateAllowsTotal"] += outcome.allowed
            m["gateDenialsTotal"] += outcome.denied
        for skipped in outcome.skipped:
            await self._report(skipped, {"phase": "window-apply", "partition": pid})

    async def _report(self, error: BaseException, context: dict[str, Any]) -> None:
        self._metrics["errorsTotal"] += 1
        self._metrics["lastError"] = str(error)
        self._log("error", f"{context.get('phase')} failed", {**context, "error": str(error)})
        hook = self._settings.on_error
        if hook is None:
            return
        try:
            result = hook(error, {**context, "queryId": self.query_id})
            if awaitable(result):
                await result
        except Exception as exc:
            _log.error("Stream.on_error", {"error": str(exc)}, exc_info=exc)

    def _log(self, level: str, message: str, data: dict[str, Any]) -> None:
        context = {"queryId": self.query_id, **data}
        custom = self._settings.logger
        if custom is not None:
            method = getattr(custom, level, None)
            if callable(method):
                method(message, context)
                return
        component = f"Stream.{message.split()[0]}"
        if level in ("error", "warn"):  # the runner carries on: a warning, not an error
            _log.warn(component, {"message": message, **context})
        else:
            _log.info(component, {"message": message, **context})
