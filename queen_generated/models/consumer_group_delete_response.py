from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerGroupDeleteResponse")


@_attrs_define
class ConsumerGroupDeleteResponse:
    """
    Attributes:
        success (bool):
        consumer_group (str | Unset):
        queue_name (str | Unset): Only when deleting on one queue.
        deleted_partitions (int | Unset):
        metadata_deleted (bool | Unset):
    """

    success: bool
    consumer_group: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    deleted_partitions: int | Unset = UNSET
    metadata_deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        consumer_group = self.consumer_group

        queue_name = self.queue_name

        deleted_partitions = self.deleted_partitions

        metadata_deleted = self.metadata_deleted

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
        if deleted_partitions is not UNSET:
            field_dict["deletedPartitions"] = deleted_partitions
        if metadata_deleted is not UNSET:
            field_dict["metadataDeleted"] = metadata_deleted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        consumer_group = d.pop("consumerGroup", UNSET)

        queue_name = d.pop("queueName", UNSET)

        deleted_partitions = d.pop("deletedPartitions", UNSET)

        metadata_deleted = d.pop("metadataDeleted", UNSET)

        consumer_group_delete_response = cls(
            success=success,
            consumer_group=consumer_group,
            queue_name=queue_name,
            deleted_partitions=deleted_partitions,
            metadata_deleted=metadata_deleted,
        )

        consumer_group_delete_response.additional_properties = d
        return consumer_group_delete_response

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
