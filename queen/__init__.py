"""queen-mq: the Python client for the Queen message queue.

``from queen import Queen`` gives the async client (anyio: asyncio and trio).
"""

from ._builders import DLQBuilder, QueueBuilder, TransactionBuilder
from ._errors import (
    QueenAuthError,
    QueenClosedError,
    QueenConfigError,
    QueenConnectionError,
    QueenError,
    QueenFlushError,
    QueenHandlerError,
    QueenHTTPError,
    QueenNotFoundError,
    QueenServerError,
    QueenTimeoutError,
    QueenTransactionError,
    QueenValidationError,
)
from .admin import Admin
from .client import Queen
from .streams import (
    QueenStreamConflictError,
    QueenStreamError,
    Stream,
    sliding_window_gate,
    token_bucket_gate,
)
from .types import (
    AckBatchResult,
    AckContext,
    AckResult,
    BufferOptions,
    BufferStats,
    ClientOptions,
    ConsumeResult,
    DLQMessage,
    DLQResult,
    Message,
    PushItem,
    PushResult,
    QueueConfig,
    RenewResult,
    TraceConfig,
    TraceResult,
    TransactionResult,
)

__version__ = "0.1.0"

__all__ = [
    "AckBatchResult",
    "AckContext",
    "AckResult",
    "Admin",
    "BufferOptions",
    "BufferStats",
    "ClientOptions",
    "ConsumeResult",
    "DLQBuilder",
    "DLQMessage",
    "DLQResult",
    "Message",
    "PushItem",
    "PushResult",
    "Queen",
    "QueenAuthError",
    "QueenClosedError",
    "QueenConfigError",
    "QueenConnectionError",
    "QueenError",
    "QueenFlushError",
    "QueenHTTPError",
    "QueenHandlerError",
    "QueenNotFoundError",
    "QueenServerError",
    "QueenStreamConflictError",
    "QueenStreamError",
    "QueenTimeoutError",
    "QueenTransactionError",
    "QueenValidationError",
    "QueueBuilder",
    "QueueConfig",
    "RenewResult",
    "Stream",
    "TraceConfig",
    "TraceResult",
    "TransactionBuilder",
    "TransactionResult",
    "__version__",
    "sliding_window_gate",
    "token_bucket_gate",
]
