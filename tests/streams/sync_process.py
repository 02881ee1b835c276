"""A blocking stream stopped with Ctrl-C (SIGINT): prints each value it handles, and
``interrupted`` once ``run()`` has stopped and the client is closed."""

from __future__ import annotations

import sys
import time

from queen.sync import Queen, Stream


def handle(value: dict[str, int]) -> None:
    time.sleep(0.01)  # slow work, so that Ctrl-C lands while a batch is being handled
    print(f"value {value['n']}", flush=True)


url, source, query = sys.argv[1:4]
try:
    with Queen(url) as queen:
        Stream.from_(queen.queue(source)).foreach(handle).run(
            query, batch_size=10, max_wait_millis=200
        )
except KeyboardInterrupt:
    print("interrupted", flush=True)
