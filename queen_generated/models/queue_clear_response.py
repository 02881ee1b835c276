from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueClearResponse")


@_attrs_define
class QueueClearResponse:
    """
    Attributes:
        success (bool):
        queue (str | Unset):
        partition (None | str | Unset): The cleared partition
        deleted_messages (int | Unset):
    """

    success: bool
    queue: str | Unset = UNSET
    partition: None | str | Unset = UNSET
    deleted_messages: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        queue = self.queue

        partition: None | str | Unset
        if isinstance(self.partition, Unset):
            partition = UNSET
        else:
            partition = self.partition

        deleted_messages = self.deleted_messages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if deleted_messages is not UNSET:
            field_dict["deletedMessages"] = deleted_messages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        queue = d.pop("queue", UNSET)

        def _parse_partition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partition = _parse_partition(d.pop("partition", UNSET))

        deleted_messages = d.pop("deletedMessages", UNSET)

        queue_clear_response = cls(
            success=success,
            queue=queue,
            partition=partition,
            deleted_messages=deleted_messages,
        )

        queue_clear_response.additional_properties = d
        return queue_clear_response

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
