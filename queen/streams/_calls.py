"""The streams requests and the reading of their answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .._errors import QueenHTTPError
from . import _endpoints as ep
from ._errors import CycleRejected, QueenStreamConflictError, QueenStreamError

if TYPE_CHECKING:
    from queen_generated.schemas import StreamCycleRequest, StreamQueryRequest, StreamStateRequest

    from .._core import ClientCore

_HINT = (
    " Run it with reset=True to wipe the query's stored state (open windows, gate counters), "
    "or give the changed stream a new query_id."
)


@dataclass(frozen=True)
class Registration:
    """A registered query: the server's id for it, and where it keeps state."""

    query_uuid: str
    fresh: bool
    reset: bool
    #: (partition id, partition name) of every source partition with stored state; None when
    #: the server does not say (upstream's server)
    partitions: list[tuple[str, str]] | None


def _error(answer: Any) -> str:
    if isinstance(answer, dict) and answer.get("error"):
        return str(answer["error"])
    return f"unexpected answer {answer!r}"


async def register(
    core: ClientCore, *, name: str, source: str, sink: str | None, config_hash: str, reset: bool
) -> Registration:
    """Register (or find) the query ``name``; a changed configuration raises
    :class:`QueenStreamConflictError` unless ``reset``."""
    body: StreamQueryRequest = {
        "name": name,
        "source_queue": source,
        "config_hash": config_hash,
        "reset": reset,
        "with_partitions": True,  # queen_server only; others ignore it
    }
    if sink:
        body["sink_queue"] = sink
    endpoint = ep.REGISTER_STREAM_QUERY
    try:
        answer = await core.send(endpoint, endpoint.request_kwargs(body=body))
    except QueenHTTPError as exc:
        if exc.status == 409:
            raise QueenStreamConflictError(
                f"stream {name!r}: {_error(exc.body)}.{_HINT}",
                status=409,
                body=exc.body,
                url=exc.url,
            ) from None
        raise
    if not isinstance(answer, dict) or answer.get("success") is not True:
        if "config_hash mismatch" in _error(answer):  # upstream's server answers 200
            raise QueenStreamConflictError(
                f"stream {name!r}: {_error(answer)}.{_HINT}", status=409, body=answer
            )
        raise QueenStreamError(
            f"stream {name!r}: registration failed: {_error(answer)}", status=200, body=answer
        )
    listed = answer.get("partitions")
    partitions = None
    if isinstance(listed, list):
        partitions = [
            (str(p["partition_id"]), str(p["partition"]))
            for p in listed
            if isinstance(p, dict) and p.get("partition_id") and p.get("partition")
        ]
    return Registration(
        str(answer.get("query_id")),
        bool(answer.get("fresh")),
        bool(answer.get("reset")),
        partitions,
    )


async def read_state(
    core: ClientCore, query_uuid: str, partition_id: str
) -> tuple[dict[str, Any], int | None]:
    """Every state row of (query, partition), and the state version (None: not reported)."""
    endpoint = ep.GET_STREAM_STATE
    body: StreamStateRequest = {
        "query_id": query_uuid,
        "partition_id": partition_id,
        "keys": [],
        "with_version": True,
    }
    answer = await core.send(endpoint, endpoint.request_kwargs(body=body))
    if not isinstance(answer, dict) or answer.get("success") is False:
        raise QueenStreamError(
            f"reading stream state of partition {partition_id} failed: {_error(answer)}",
            status=200,
            body=answer,
        )
    rows = {
        row["key"]: row.get("value")
        for row in answer.get("rows") or []
        if isinstance(row, dict) and isinstance(row.get("key"), str)
    }
    version = answer.get("version")
    return rows, version if isinstance(version, int) and not isinstance(version, bool) else None


async def commit(core: ClientCore, body: dict[str, Any]) -> dict[str, Any]:
    """Send one cycle; :class:`CycleRejected` when the server rolled it back."""
    endpoint = ep.RUN_STREAM_CYCLE
    # built by the runner from already validated parts (push items encoded up front)
    request = cast("StreamCycleRequest", body)
    answer = await core.send(endpoint, endpoint.request_kwargs(body=request))
    if not isinstance(answer, dict) or answer.get("success") is not True:
        version = answer.get("state_version") if isinstance(answer, dict) else None
        raise CycleRejected(
            f"stream cycle on partition {body.get('partition_id')} rolled back: {_error(answer)}",
            body=answer if isinstance(answer, dict) else {"error": str(answer)},
            state_version=version if isinstance(version, int) else None,
        )
    return answer
