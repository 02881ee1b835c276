from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartitionSeekResponse")


@_attrs_define
class PartitionSeekResponse:
    """
    Attributes:
        success (bool):
        consumer_group (str | Unset):
        queue_name (str | Unset):
        partition_name (str | Unset):
        updated (bool | Unset):
        cursor_moved_to (None | str | Unset):
    """

    success: bool
    consumer_group: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    partition_name: str | Unset = UNSET
    updated: bool | Unset = UNSET
    cursor_moved_to: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        consumer_group = self.consumer_group

        queue_name = self.queue_name

        partition_name = self.partition_name

        updated = self.updated

        cursor_moved_to: None | str | Unset
        if isinstance(self.cursor_moved_to, Unset):
            cursor_moved_to = UNSET
        else:
            cursor_moved_to = self.cursor_moved_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if partition_name is not UNSET:
            field_dict["partitionName"] = partition_name
        if updated is not UNSET:
            field_dict["updated"] = updated
        if cursor_moved_to is not UNSET:
            field_dict["cursorMovedTo"] = cursor_moved_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        consumer_group = d.pop("consumerGroup", UNSET)

        queue_name = d.pop("queueName", UNSET)

        partition_name = d.pop("partitionName", UNSET)

        updated = d.pop("updated", UNSET)

        def _parse_cursor_moved_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor_moved_to = _parse_cursor_moved_to(d.pop("cursorMovedTo", UNSET))

        partition_seek_response = cls(
            success=success,
            consumer_group=consumer_group,
            queue_name=queue_name,
            partition_name=partition_name,
            updated=updated,
            cursor_moved_to=cursor_moved_to,
        )

        partition_seek_response.additional_properties = d
        return partition_seek_response

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
