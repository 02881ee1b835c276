"""Compatibility shim: the one place in ``queen`` that may look at a specific event loop.

Everything else is written against anyio and never imports ``asyncio`` or ``trio``. Here we
only *detect* whether the current thread is running an event loop, without importing a
library the program has not imported itself (if it is not imported, it is not running).
"""

from __future__ import annotations

import sys


def running_event_loop() -> str | None:
    """``"asyncio"`` or ``"trio"`` when this thread is inside that event loop, else ``None``.

    Worker threads of a loop (``anyio.to_thread``, ``loop.run_in_executor``) are not inside it.
    """
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None and asyncio.events._get_running_loop() is not None:
        return "asyncio"
    trio = sys.modules.get("trio")
    if trio is not None and trio.lowlevel.in_trio_task():
        return "trio"
    return None
