from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionAckOperation")


@_attrs_define
class TransactionAckOperation:
    """
    Attributes:
        type_ (Literal['ack']):
        transaction_id (str):
        partition_id (str):
        status (str | Unset):  Default: 'completed'.
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        lease_id (str | Unset):
        error (str | Unset):
    """

    type_: Literal["ack"]
    transaction_id: str
    partition_id: str
    status: str | Unset = "completed"
    consumer_group: str | Unset = "__QUEUE_MODE__"
    lease_id: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

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
                "type": type_,
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
        type_ = cast(Literal["ack"], d.pop("type"))
        if type_ != "ack":
            raise ValueError(f"type must match const 'ack', got '{type_}'")

        transaction_id = d.pop("transactionId")

        partition_id = d.pop("partitionId")

        status = d.pop("status", UNSET)

        consumer_group = d.pop("consumerGroup", UNSET)

        lease_id = d.pop("leaseId", UNSET)

        error = d.pop("error", UNSET)

        transaction_ack_operation = cls(
            type_=type_,
            transaction_id=transaction_id,
            partition_id=partition_id,
            status=status,
            consumer_group=consumer_group,
            lease_id=lease_id,
            error=error,
        )

        transaction_ack_operation.additional_properties = d
        return transaction_ack_operation

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
