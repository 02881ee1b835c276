from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeekResponse")


@_attrs_define
class SeekResponse:
    """
    Attributes:
        success (bool):
        consumer_group (str | Unset):
        queue_name (str | Unset):
        seek_to_end (bool | Unset):
        target_timestamp (None | str | Unset):
        partitions_updated (int | Unset):
    """

    success: bool
    consumer_group: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    seek_to_end: bool | Unset = UNSET
    target_timestamp: None | str | Unset = UNSET
    partitions_updated: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        consumer_group = self.consumer_group

        queue_name = self.queue_name

        seek_to_end = self.seek_to_end

        target_timestamp: None | str | Unset
        if isinstance(self.target_timestamp, Unset):
            target_timestamp = UNSET
        else:
            target_timestamp = self.target_timestamp

        partitions_updated = self.partitions_updated

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
        if seek_to_end is not UNSET:
            field_dict["seekToEnd"] = seek_to_end
        if target_timestamp is not UNSET:
            field_dict["targetTimestamp"] = target_timestamp
        if partitions_updated is not UNSET:
            field_dict["partitionsUpdated"] = partitions_updated

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        consumer_group = d.pop("consumerGroup", UNSET)

        queue_name = d.pop("queueName", UNSET)

        seek_to_end = d.pop("seekToEnd", UNSET)

        def _parse_target_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_timestamp = _parse_target_timestamp(d.pop("targetTimestamp", UNSET))

        partitions_updated = d.pop("partitionsUpdated", UNSET)

        seek_response = cls(
            success=success,
            consumer_group=consumer_group,
            queue_name=queue_name,
            seek_to_end=seek_to_end,
            target_timestamp=target_timestamp,
            partitions_updated=partitions_updated,
        )

        seek_response.additional_properties = d
        return seek_response

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
