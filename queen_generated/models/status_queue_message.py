from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusQueueMessage")


@_attrs_define
class StatusQueueMessage:
    """
    Attributes:
        id (str | Unset):
        transaction_id (str | Unset):
        partition_id (str | Unset):
        queue_path (str | Unset):
        queue (str | Unset):
        partition (str | Unset):
        status (str | Unset):
        created_at (str | Unset):
    """

    id: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    queue_path: str | Unset = UNSET
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    status: str | Unset = UNSET
    created_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        transaction_id = self.transaction_id

        partition_id = self.partition_id

        queue_path = self.queue_path

        queue = self.queue

        partition = self.partition

        status = self.status

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if queue_path is not UNSET:
            field_dict["queuePath"] = queue_path
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        partition_id = d.pop("partitionId", UNSET)

        queue_path = d.pop("queuePath", UNSET)

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        status = d.pop("status", UNSET)

        created_at = d.pop("createdAt", UNSET)

        status_queue_message = cls(
            id=id,
            transaction_id=transaction_id,
            partition_id=partition_id,
            queue_path=queue_path,
            queue=queue,
            partition=partition,
            status=status,
            created_at=created_at,
        )

        status_queue_message.additional_properties = d
        return status_queue_message

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
