"""The three streams endpoints (protocol §3.21), sent through the client core.

``register_stream_query`` may be repeated after a lost answer: registration is an upsert by
name, so a repeat of an applied registration finds the hash it stored and changes nothing
(a reset that was applied is not applied again: the hash then matches). A cycle is not
retried by the transport; the runner repeats it itself, and only with a ``cycle_id`` a server
that reports state versions recognises (see ``queen.streams._calls``).
"""

from __future__ import annotations

from queen_generated import builders as b

from .._endpoints import Endpoint

REGISTER_STREAM_QUERY = Endpoint(b.register_stream_query)
RUN_STREAM_CYCLE = Endpoint(b.run_stream_cycle, retry_safe=False)
GET_STREAM_STATE = Endpoint(b.get_stream_state)  # a read
