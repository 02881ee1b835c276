"""From emitted values to what a cycle sends: post-stage operators, then the sink's messages
(or the ``foreach`` effects), and the encoded state operations."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from .._encode import encode_item
from ._engine import Emit, Outcome, Where
from ._fn import awaitable
from ._json import dumps
from ._pipeline import Pipeline, Step
from ._sink import Foreach, Sink
from ._time import iso_ms


@dataclass(frozen=True)
class Prepared:
    """A cycle's body parts, encoded."""

    state_ops: list[bytes]
    push_items: list[bytes]
    #: values that reached the sink or foreach
    emitted: int


def context(emit: Emit, where: Where) -> dict[str, Any]:
    """The ``ctx`` of post-stage functions and ``foreach``: where a value comes from."""
    return {
        "partition": where.partition,
        "partitionId": where.partition_id,
        "key": emit.key,
        "windowKey": None if emit.start is None else iso_ms(emit.start),
        "windowStart": emit.start,
        "windowEnd": emit.end,
    }


async def apply_post(steps: tuple[Step, ...], emits: list[Emit], where: Where) -> list[Emit]:
    """map / filter / flat_map after the reducer or gate: each receives the value (and the
    context when it takes two arguments), and each sees the previous one's result."""
    for step in steps:
        fn, two = step.fn.fn, step.fn.two
        out: list[Emit] = []
        for emit in emits:
            result = fn(emit.value, context(emit, where)) if two else fn(emit.value)
            if awaitable(result):
                result = await result
            if step.kind == "map":
                out.append(emit._replace(value=result))
            elif step.kind == "filter":
                if result:
                    out.append(emit)
            else:
                if not isinstance(result, list):
                    raise TypeError(
                        f"a flat_map function must return a list, got {type(result).__name__}"
                    )
                out.extend(emit._replace(value=v) for v in result)
        emits = out
    return emits


def cycle_tag(query: str, anchor: str) -> str:
    """A short name for one cycle of ``query``: 22 characters hashed from the query (id and
    configuration) and the cycle's anchor (the acknowledged message's id, or the state version
    a flush starts from). Sink messages are ``<tag>.<n>``: unique, and the same when the same
    cycle is computed again."""
    digest = hashlib.blake2b(f"{query}|{anchor}".encode(), digest_size=16).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def prepare(pipeline: Pipeline, outcome: Outcome, where: Where, tag: str) -> Prepared:
    """Run the post stages and the sink for ``outcome``; encode everything to send.

    Sink messages get the transactionIds ``<tag>.0``, ``<tag>.1``, ... (see :func:`cycle_tag`).
    """
    emits = await apply_post(pipeline.post, outcome.emits, where)
    items: list[bytes] = []
    sink = pipeline.sink
    if isinstance(sink, Sink):
        fixed = sink.partition if isinstance(sink.partition, str) else None
        for n, emit in enumerate(emits):
            value = emit.value
            if fixed is None and sink.partition is None:
                partition = where.partition
            elif fixed is not None:
                partition = fixed
            else:
                partition = await sink.partition_of(value, where.partition)
            item = {
                "queue": sink.queue,
                "partition": partition,
                "payload": value if isinstance(value, dict) else {"value": value},
                "transactionId": f"{tag}.{n}",
            }
            items.append(encode_item(item, n, "to()"))
    elif isinstance(sink, Foreach):
        fn, two = sink.fn.fn, sink.fn.two
        for emit in emits:
            result = fn(emit.value, context(emit, where)) if two else fn(emit.value)
            if awaitable(result):
                await result
    gap = pipeline.window.size_ms if pipeline.window is not None else 0
    ops = [dumps(op, f"state {op['key']!r}") for op in outcome.changes.ops(gap)]
    return Prepared(ops, items, len(emits))
