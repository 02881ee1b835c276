"""Contains all the data models used in inputs/outputs"""

from .ack_batch_request import AckBatchRequest
from .ack_request import AckRequest
from .ack_result import AckResult
from .configure_request import ConfigureRequest
from .configure_response import ConfigureResponse
from .db_error_body import DbErrorBody
from .error_body import ErrorBody
from .lease_extend_request import LeaseExtendRequest
from .lease_extend_result import LeaseExtendResult
from .message import Message
from .pop_paused_body import PopPausedBody
from .pop_response import PopResponse
from .push_buffered_result import PushBufferedResult
from .push_item import PushItem
from .push_request import PushRequest
from .push_result import PushResult
from .queue_options import QueueOptions
from .transaction_ack_operation import TransactionAckOperation
from .transaction_operation_result import TransactionOperationResult
from .transaction_push_flat_operation import TransactionPushFlatOperation
from .transaction_push_operation import TransactionPushOperation
from .transaction_request import TransactionRequest
from .transaction_response import TransactionResponse

__all__ = (
    "AckBatchRequest",
    "AckRequest",
    "AckResult",
    "ConfigureRequest",
    "ConfigureResponse",
    "DbErrorBody",
    "ErrorBody",
    "LeaseExtendRequest",
    "LeaseExtendResult",
    "Message",
    "PopPausedBody",
    "PopResponse",
    "PushBufferedResult",
    "PushItem",
    "PushRequest",
    "PushResult",
    "QueueOptions",
    "TransactionAckOperation",
    "TransactionOperationResult",
    "TransactionPushFlatOperation",
    "TransactionPushOperation",
    "TransactionRequest",
    "TransactionResponse",
)
