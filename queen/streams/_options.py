"""The options of ``Stream.run(query_id, url=None, **options)`` (upstream's names and
defaults; the camelCase spellings are accepted too)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from .._errors import QueenConfigError
from .._names import check_name
from .._options import SubscriptionMode, subscription_mode, timestamp

DEFAULT_BATCH_SIZE = 200
DEFAULT_MAX_PARTITIONS = 4
DEFAULT_MAX_WAIT_MILLIS = 1000

ErrorHook = Callable[[BaseException, dict[str, Any]], Any]


class RunOptions(TypedDict, total=False):
    """Keyword options of ``Stream.run()``."""

    batch_size: int
    max_partitions: int
    max_wait_millis: int
    subscription_mode: str
    subscription_from: str
    reset: bool
    consumer_group: str
    on_error: ErrorHook
    bearer_token: str
    logger: Any
    conflation: bool


_CAMEL = {
    "batchSize": "batch_size",
    "maxPartitions": "max_partitions",
    "maxWaitMillis": "max_wait_millis",
    "subscriptionMode": "subscription_mode",
    "subscriptionFrom": "subscription_from",
    "consumerGroup": "consumer_group",
    "onError": "on_error",
    "bearerToken": "bearer_token",
}


@dataclass(frozen=True)
class Settings:
    """A runner's validated options."""

    query_id: str
    consumer_group: str
    batch_size: int = DEFAULT_BATCH_SIZE
    max_partitions: int = DEFAULT_MAX_PARTITIONS
    max_wait_millis: int = DEFAULT_MAX_WAIT_MILLIS
    subscription_mode: SubscriptionMode | None = None
    subscription_from: str | None = None
    reset: bool = False
    on_error: ErrorHook | None = None
    logger: Any = None


def _count(name: str, value: Any, default: int, minimum: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise QueenConfigError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value


def settings(
    query_id: Any,
    url: str | None,
    options: Mapping[str, Any],
    urls: tuple[str, ...],
    bearer_token: str | None,
) -> Settings:
    """Validate ``run()``'s arguments against the client the stream reads through."""
    if not isinstance(query_id, str) or not query_id:
        raise QueenConfigError(f"run() needs query_id='<name>', got {query_id!r}")
    check_name("query_id", query_id)
    given: dict[str, Any] = {}
    for key, value in options.items():
        name = _CAMEL.get(key, key)
        if name not in RunOptions.__annotations__:
            raise QueenConfigError(
                f"run() has no option {key!r}; options: {', '.join(RunOptions.__annotations__)}"
            )
        given[name] = value
    if url is not None and url.rstrip("/") not in urls:
        raise QueenConfigError(
            f"run(url={url!r}): the stream reads through a client of {list(urls)!r}; the "
            "streams calls go to that client's servers (url= may be left out)"
        )
    token = given.get("bearer_token")
    if token is not None and token != bearer_token:
        raise QueenConfigError(
            "run(bearer_token=...) differs from the client's token; the streams calls use the "
            "client's: pass bearer_token to Queen(...) instead"
        )
    if given.get("conflation"):
        raise QueenConfigError("run(conflation=True) is not supported by this client")
    hook = given.get("on_error")
    if hook is not None and not callable(hook):
        raise QueenConfigError(f"on_error must be callable, got {hook!r}")
    mode = given.get("subscription_mode")
    start = given.get("subscription_from")
    group = given.get("consumer_group") or f"streams.{query_id}"
    reset = given.get("reset", False)
    return Settings(
        query_id=query_id,
        consumer_group=check_name("consumer_group", group),
        batch_size=_count("batch_size", given.get("batch_size"), DEFAULT_BATCH_SIZE, 1),
        max_partitions=_count(
            "max_partitions", given.get("max_partitions"), DEFAULT_MAX_PARTITIONS, 1
        ),
        max_wait_millis=_count(
            "max_wait_millis", given.get("max_wait_millis"), DEFAULT_MAX_WAIT_MILLIS, 0
        ),
        subscription_mode=None if mode is None else subscription_mode(mode),
        subscription_from=None if start is None else timestamp("subscription_from", start),
        reset=bool(reset),
        on_error=hook,
        logger=given.get("logger"),
    )
