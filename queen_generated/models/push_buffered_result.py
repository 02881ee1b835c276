from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.push_buffered_result_status import (
    PushBufferedResultStatus,
    check_push_buffered_result_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PushBufferedResult")


@_attrs_define
class PushBufferedResult:
    """An item written to the server's file buffer (`buffered`, replayed later) or that could
    not be written (`failed`).

        Attributes:
            status (PushBufferedResultStatus):
            queue (str | Unset):
            partition (str | Unset):
            transaction_id (str | Unset): Only when the client sent one.
            error (str | Unset):
    """

    status: PushBufferedResultStatus
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        queue = self.queue

        partition = self.partition

        transaction_id = self.transaction_id

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = check_push_buffered_result_status(d.pop("status"))

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        error = d.pop("error", UNSET)

        push_buffered_result = cls(
            status=status,
            queue=queue,
            partition=partition,
            transaction_id=transaction_id,
            error=error,
        )

        push_buffered_result.additional_properties = d
        return push_buffered_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
