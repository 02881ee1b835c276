"""Streaming with windowed aggregation over Queen queues, exactly once.

    from queen import Queen, Stream, token_bucket_gate, sliding_window_gate

A :class:`Stream` reads a source queue and runs each partition's messages through its
operators; every batch is committed — state, sink messages and source acknowledgement — in
one server transaction (``/streams/v1/cycle``). See the README's "Streams" section.
"""

from ._errors import QueenStreamConflictError, QueenStreamError
from ._gate import GateContext
from ._rate_limit import sliding_window_gate, token_bucket_gate
from ._runner import Runner
from ._stream import Stream

__all__ = [
    "GateContext",
    "QueenStreamConflictError",
    "QueenStreamError",
    "Runner",
    "Stream",
    "sliding_window_gate",
    "token_bucket_gate",
]
