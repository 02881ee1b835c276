from typing import Literal

PushBufferedResultStatus = Literal["buffered", "failed"]

PUSH_BUFFERED_RESULT_STATUS_VALUES: set[PushBufferedResultStatus] = {
    "buffered",
    "failed",
}


def check_push_buffered_result_status(value: str) -> PushBufferedResultStatus:
    if value in PUSH_BUFFERED_RESULT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PUSH_BUFFERED_RESULT_STATUS_VALUES!r}"
    )
