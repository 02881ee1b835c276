from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="DlqMessage")


@_attrs_define
class DlqMessage:
    """
    Attributes:
        id (str | Unset): The message id.
        transaction_id (str | Unset):
        partition_id (str | Unset):
        queue (str | Unset):
        partition (str | Unset):
        consumer_group (str | Unset):
        error_message (None | str | Unset):
        retry_count (int | Unset):
        data (Any | Unset): The payload as stored (not decrypted).
        producer_sub (None | str | Unset):
        created_at (str | Unset):
        failed_at (str | Unset):
    """

    id: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    consumer_group: str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    retry_count: int | Unset = UNSET
    data: Any | Unset = UNSET
    producer_sub: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    failed_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        transaction_id = self.transaction_id

        partition_id = self.partition_id

        queue = self.queue

        partition = self.partition

        consumer_group = self.consumer_group

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        retry_count = self.retry_count

        data = self.data

        producer_sub: None | str | Unset
        if isinstance(self.producer_sub, Unset):
            producer_sub = UNSET
        else:
            producer_sub = self.producer_sub

        created_at = self.created_at

        failed_at = self.failed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if retry_count is not UNSET:
            field_dict["retryCount"] = retry_count
        if data is not UNSET:
            field_dict["data"] = data
        if producer_sub is not UNSET:
            field_dict["producerSub"] = producer_sub
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if failed_at is not UNSET:
            field_dict["failedAt"] = failed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        partition_id = d.pop("partitionId", UNSET)

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        consumer_group = d.pop("consumerGroup", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        retry_count = d.pop("retryCount", UNSET)

        data = d.pop("data", UNSET)

        def _parse_producer_sub(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        producer_sub = _parse_producer_sub(d.pop("producerSub", UNSET))

        created_at = d.pop("createdAt", UNSET)

        failed_at = d.pop("failedAt", UNSET)

        dlq_message = cls(
            id=id,
            transaction_id=transaction_id,
            partition_id=partition_id,
            queue=queue,
            partition=partition,
            consumer_group=consumer_group,
            error_message=error_message,
            retry_count=retry_count,
            data=data,
            producer_sub=producer_sub,
            created_at=created_at,
            failed_at=failed_at,
        )

        dlq_message.additional_properties = d
        return dlq_message

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
