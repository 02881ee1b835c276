"""Stand-ins for the reader's own functions, in this process or in a block's own process.

Imported by the README tests and, as a plain module (the tests put this folder on
``PYTHONPATH``), by the processes that run ``program`` and ``pytest`` blocks; so it needs
nothing but the standard library and ``queen``.

``python process_support.py BLOCK_FILE NAMES [EPILOGUE_FILE]`` runs a program block as
``__main__`` with the placeholders named in ``NAMES`` (comma-separated) defined, then the
epilogue, if any, in the same globals. Calls are appended as JSON lines to the file named by
``$README_RECORDS``.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import threading
from typing import Any

RECORDS_ENV = "README_RECORDS"

#: The reader's own functions the README calls without defining them ("your code").
RECORDERS = ("audit", "bill", "charge", "handle", "handler", "my_handler", "ship", "store_all")


def plain(value: Any) -> Any:
    """``value`` as JSON can carry it: messages lose their ``trace`` function."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if not callable(v)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


class Recorder:
    """Records each call's positional arguments; awaitable when ``asynchronous``.

    With ``log`` set, each call is also appended to that file as a JSON line, so the test
    can follow a block that runs in another process.
    """

    def __init__(self, name: str, *, asynchronous: bool, log: str | None = None) -> None:
        self.name = name
        self.asynchronous = asynchronous
        self.log = log
        self.calls: list[tuple[Any, ...]] = []
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.calls.append(args + tuple(kwargs.values()))
            if self.log:
                line = json.dumps({"name": self.name, "args": plain([*args, *kwargs.values()])})
                with open(self.log, "a", encoding="utf-8") as file:
                    file.write(line + "\n")
        if self.asynchronous:
            return self._done()
        return None

    async def _done(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"<placeholder {self.name}: {len(self.calls)} calls>"


class Checkout(Recorder):
    """The "your code" of the testing example: a checkout that publishes the order."""

    def __call__(self, client: Any, queue: str, cart: list[str]) -> Any:  # type: ignore[override]
        Recorder.__call__(self, queue, cart)
        return client.queue(queue).push([{"data": {"items": list(cart)}}])


def recorders(*, asynchronous: bool, log: str | None = None) -> dict[str, Any]:
    """Every recording stand-in, by name."""
    made: dict[str, Any] = {
        name: Recorder(name, asynchronous=asynchronous, log=log) for name in RECORDERS
    }
    made["checkout"] = Checkout("checkout", asynchronous=False, log=log)
    return made


def install(namespace: dict[str, Any], names: list[str]) -> None:
    """Define the placeholders ``names`` in ``namespace`` (a block run in its own process)."""
    available = recorders(asynchronous=False, log=os.environ.get(RECORDS_ENV))
    for name in names:
        if name not in available:
            raise NameError(f"no placeholder named {name!r} for a block in its own process")
        namespace.setdefault(name, available[name])


def main(argv: list[str]) -> None:
    block, names = argv[0], [n for n in argv[1].split(",") if n]
    namespace: dict[str, Any] = {}
    install(namespace, names)
    result = runpy.run_path(block, init_globals=namespace, run_name="__main__")
    if len(argv) > 2:
        with open(argv[2], encoding="utf-8") as file:
            exec(compile(file.read(), argv[2], "exec"), result)


if __name__ == "__main__":
    main(sys.argv[1:])
