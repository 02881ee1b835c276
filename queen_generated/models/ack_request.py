from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="AckRequest")


@_attrs_define
class AckRequest:
    """
    Attributes:
        transaction_id (str): The message's transactionId.
        partition_id (str): The message's partition id (UUID).
        status (str | Unset): `completed` (or `success`), `failed`, `dlq` or `retry`. Default: 'completed'.
        consumer_group (str | Unset): Ignored inside ack/batch items. Default: '__QUEUE_MODE__'.
        lease_id (str | Unset): When non-empty
        error (str | Unset): Failure text stored with a dead-lettered message.
    """

    transaction_id: str
    partition_id: str
    status: str | Unset = "completed"
    consumer_group: str | Unset = "__QUEUE_MODE__"
    lease_id: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        partition_id = self.partition_id

        status = self.status

        consumer_group = self.consumer_group

        lease_id = self.lease_id

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transactionId": transaction_id,
                "partitionId": partition_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if lease_id is not UNSET:
            field_dict["leaseId"] = lease_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        transaction_id = d.pop("transactionId")

        partition_id = d.pop("partitionId")

        status = d.pop("status", UNSET)

        consumer_group = d.pop("consumerGroup", UNSET)

        lease_id = d.pop("leaseId", UNSET)

        error = d.pop("error", UNSET)

        ack_request = cls(
            transaction_id=transaction_id,
            partition_id=partition_id,
            status=status,
            consumer_group=consumer_group,
            lease_id=lease_id,
            error=error,
        )

        ack_request.additional_properties = d
        return ack_request

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
