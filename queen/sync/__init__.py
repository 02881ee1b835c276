"""The blocking client: ``from queen.sync import Queen``.

The same constructor, builders and method names as the async :class:`queen.Queen`, every
method blocking. One event loop runs in a background thread and carries every call, so one
client can be shared by all the threads of a program; ``consume()`` runs plain functions in
worker threads. For ``async def`` code use :class:`queen.Queen` instead.
"""

from ._admin import Admin
from ._builders import DLQBuilder, QueueBuilder, TransactionBuilder
from ._client import Queen
from ._types import Message, SyncTraceFunction
from .streams import Stream as Stream

__all__ = [
    "Admin",
    "DLQBuilder",
    "Message",
    "Queen",
    "QueueBuilder",
    "SyncTraceFunction",
    "TransactionBuilder",
]
