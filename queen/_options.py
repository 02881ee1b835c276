"""Builder options: one frozen dataclass per builder, validated as each option is set.

``None`` means "not set": pop and consume then apply their own defaults (they differ, see
the README's defaults table), and ``create()`` sends only the queue options that were set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, Literal, TypeVar

from queen_generated.schemas import QueueOptions

from ._errors import QueenConfigError

_Options = TypeVar("_Options")

SubscriptionMode = Literal["new", "all", "timestamp"]
SUBSCRIPTION_MODES: tuple[SubscriptionMode, ...] = ("new", "all", "timestamp")

DEFAULT_LONG_POLL_MILLIS = 30_000
DEFAULT_RENEW_INTERVAL_MILLIS = 10_000

# ISO 8601 as the server reads it: a date, optionally a time and a UTC offset
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?"
)


def positive(name: str, value: Any, minimum: int = 1) -> int:
    """``value`` if it is an integer >= ``minimum`` (``bool`` refused), else QueenConfigError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise QueenConfigError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value


def flag(name: str, value: Any) -> bool:
    """``value`` if it is ``True`` or ``False``, else QueenConfigError."""
    if not isinstance(value, bool):
        raise QueenConfigError(f"{name} must be True or False, got {value!r}")
    return value


def timestamp(name: str, value: Any) -> str:
    """An ISO 8601 timestamp (or ``'now'``) as the server parses it, else QueenConfigError."""
    if not isinstance(value, str) or not (value == "now" or _TIMESTAMP.fullmatch(value)):
        raise QueenConfigError(
            f"{name} must be an ISO 8601 timestamp such as '2026-01-01T00:00:00Z' (or 'now'), "
            f"got {value!r}"
        )
    return value


def subscription_mode(value: Any) -> SubscriptionMode:
    """One of ``new``, ``all``, ``timestamp``, else QueenConfigError."""
    for mode in SUBSCRIPTION_MODES:
        if value == mode:
            return mode
    raise QueenConfigError(
        f"subscription_mode must be one of {', '.join(SUBSCRIPTION_MODES)}, got {value!r}"
    )


def evolve(options: _Options, **changes: Any) -> _Options:
    """A copy of the frozen ``options`` with ``changes`` applied.

    ``dataclasses.replace`` re-runs ``__init__`` through keyword arguments; builders call this
    on every option method of every push, so the instance dict is copied instead (many times
    cheaper). Only for the builder option classes below, which keep a ``__dict__`` for it.
    """
    cls = type(options)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
    if not names.issuperset(changes):
        raise TypeError(f"{cls.__name__} has no option {sorted(set(changes) - names)[0]!r}")
    clone = object.__new__(cls)
    state = clone.__dict__
    state.update(options.__dict__)
    state.update(changes)
    return clone


_FIELDS: dict[type, frozenset[str]] = {}


@dataclass(frozen=True, slots=True)
class BufferSettings:
    """Client-side buffering of one queue builder (see ``queen._buffer``)."""

    message_count: int
    time_millis: int
    max_messages: int


@dataclass(frozen=True)
class QueueBuilderOptions:
    """Everything a ``queue()`` builder has been told; ``None``: not set."""

    queue: str | None = None
    partition: str | None = None
    group: str | None = None
    namespace: str | None = None
    task: str | None = None
    config: QueueOptions | None = None  # wire (camelCase) queue options for create()
    buffer: BufferSettings | None = None
    batch: int | None = None
    partitions: int | None = None
    wait: bool | None = None
    timeout_millis: int | None = None
    auto_ack: bool | None = None
    subscription_mode: SubscriptionMode | None = None
    subscription_from: str | None = None
    concurrency: int | None = None
    limit: int | None = None
    idle_millis: int | None = None
    each: bool = False
    renew_lease: bool = False
    renew_interval_millis: int | None = None
    give_up_after_millis: int | None = None

    @property
    def has_source(self) -> bool:
        """A queue name, or namespace/task filters for a queue-less pop or consume."""
        return self.queue is not None or bool(self.namespace or self.task)


#: the options of a fresh ``queue(name)`` builder are this with ``queue`` set (see ``evolve``)
NO_QUEUE_OPTIONS = QueueBuilderOptions()


@dataclass(frozen=True, slots=True)
class PopRequest:
    """One pop as the core sends it (pop and consume resolve their defaults into this)."""

    queue: str | None
    partition: str | None
    group: str | None
    namespace: str | None
    task: str | None
    batch: int
    partitions: int | None
    wait: bool
    timeout_millis: int
    auto_ack: bool
    subscription_mode: SubscriptionMode | None
    subscription_from: str | None

    @staticmethod
    def of(
        options: QueueBuilderOptions, *, batch: int, wait: bool, timeout_millis: int, auto_ack: bool
    ) -> PopRequest:
        """The pop that ``options`` describe, with the caller's resolved values."""
        return PopRequest(
            queue=options.queue,
            partition=options.partition,
            group=options.group,
            namespace=options.namespace,
            task=options.task,
            batch=batch,
            partitions=options.partitions,
            wait=wait,
            timeout_millis=timeout_millis,
            auto_ack=auto_ack,
            subscription_mode=options.subscription_mode,
            subscription_from=options.subscription_from,
        )


@dataclass(frozen=True)
class DLQBuilderOptions:
    """A ``dlq()`` builder's page."""

    queue: str | None
    group: str | None = None
    limit: int = 100
    offset: int = 0
