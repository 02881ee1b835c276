from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.push_result_status import PushResultStatus, check_push_result_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PushResult")


@_attrs_define
class PushResult:
    """A stored (`queued`) or deduplicated (`duplicate`) item.

    Attributes:
        index (int): Position in the server's merged batch; use array position instead.
        status (PushResultStatus):
        transaction_id (str | Unset):
        message_id (str | Unset): New message id
        partition_id (str | Unset): Absent on duplicates.
        trace_id (None | str | Unset): Absent on duplicates.
        queue_name (str | Unset):
    """

    index: int
    status: PushResultStatus
    transaction_id: str | Unset = UNSET
    message_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    trace_id: None | str | Unset = UNSET
    queue_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        status: str = self.status

        transaction_id = self.transaction_id

        message_id = self.message_id

        partition_id = self.partition_id

        trace_id: None | str | Unset
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        else:
            trace_id = self.trace_id

        queue_name = self.queue_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if transaction_id is not UNSET:
            field_dict["transaction_id"] = transaction_id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if partition_id is not UNSET:
            field_dict["partition_id"] = partition_id
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        status = check_push_result_status(d.pop("status"))

        transaction_id = d.pop("transaction_id", UNSET)

        message_id = d.pop("message_id", UNSET)

        partition_id = d.pop("partition_id", UNSET)

        def _parse_trace_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_id = _parse_trace_id(d.pop("trace_id", UNSET))

        queue_name = d.pop("queueName", UNSET)

        push_result = cls(
            index=index,
            status=status,
            transaction_id=transaction_id,
            message_id=message_id,
            partition_id=partition_id,
            trace_id=trace_id,
            queue_name=queue_name,
        )

        push_result.additional_properties = d
        return push_result

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
