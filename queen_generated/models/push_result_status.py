from typing import Literal

PushResultStatus = Literal["duplicate", "queued"]

PUSH_RESULT_STATUS_VALUES: set[PushResultStatus] = {
    "duplicate",
    "queued",
}


def check_push_result_status(value: str) -> PushResultStatus:
    if value in PUSH_RESULT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PUSH_RESULT_STATUS_VALUES!r}"
    )
