from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message import Message


T = TypeVar("T", bound="PopResponse")


@_attrs_define
class PopResponse:
    """A pop answer. `messages` is authoritative; the top-level `partition`/`partitionId`
    describe the first claimed partition. `success: false` with `error`
    (`no_available_partition`, `partition_not_found`, `lease_held`) means nothing was claimed.

        Attributes:
            success (bool):
            messages (list[Message]):
            error (str | Unset): Why nothing was claimed.
            queue (str | Unset):
            partition (str | Unset):
            partition_id (None | str | Unset):
            lease_id (None | str | Unset):
            consumer_group (str | Unset):
            partitions_claimed (int | Unset):
            window_buffer_active (bool | Unset): The partition's window buffer is still open.
    """

    success: bool
    messages: list[Message]
    error: str | Unset = UNSET
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    partition_id: None | str | Unset = UNSET
    lease_id: None | str | Unset = UNSET
    consumer_group: str | Unset = UNSET
    partitions_claimed: int | Unset = UNSET
    window_buffer_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        success = self.success

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        error = self.error

        queue = self.queue

        partition = self.partition

        partition_id: None | str | Unset
        if isinstance(self.partition_id, Unset):
            partition_id = UNSET
        else:
            partition_id = self.partition_id

        lease_id: None | str | Unset
        if isinstance(self.lease_id, Unset):
            lease_id = UNSET
        else:
            lease_id = self.lease_id

        consumer_group = self.consumer_group

        partitions_claimed = self.partitions_claimed

        window_buffer_active = self.window_buffer_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "messages": messages,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if lease_id is not UNSET:
            field_dict["leaseId"] = lease_id
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if partitions_claimed is not UNSET:
            field_dict["partitionsClaimed"] = partitions_claimed
        if window_buffer_active is not UNSET:
            field_dict["windowBufferActive"] = window_buffer_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message import Message

        d = dict(src_dict)
        success = d.pop("success")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = Message.from_dict(messages_item_data)

            messages.append(messages_item)

        error = d.pop("error", UNSET)

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        def _parse_partition_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partition_id = _parse_partition_id(d.pop("partitionId", UNSET))

        def _parse_lease_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_id = _parse_lease_id(d.pop("leaseId", UNSET))

        consumer_group = d.pop("consumerGroup", UNSET)

        partitions_claimed = d.pop("partitionsClaimed", UNSET)

        window_buffer_active = d.pop("windowBufferActive", UNSET)

        pop_response = cls(
            success=success,
            messages=messages,
            error=error,
            queue=queue,
            partition=partition,
            partition_id=partition_id,
            lease_id=lease_id,
            consumer_group=consumer_group,
            partitions_claimed=partitions_claimed,
            window_buffer_active=window_buffer_active,
        )

        pop_response.additional_properties = d
        return pop_response

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
