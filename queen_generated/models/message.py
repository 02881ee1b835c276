from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A delivered message.

    Attributes:
        id (str): Message id (UUIDv7 for pushes).
        transaction_id (str):
        trace_id (None | str):
        data (Any): The payload
        created_at (str): Insert time
        partition_id (str):
        partition (str):
        lease_id (str): Lease to ack with; "" with autoAck.
        consumer_group (str):
        producer_sub (None | str | Unset): JWT subject of the producer when auth is on.
    """

    id: str
    transaction_id: str
    trace_id: None | str
    data: Any
    created_at: str
    partition_id: str
    partition: str
    lease_id: str
    consumer_group: str
    producer_sub: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        transaction_id = self.transaction_id

        trace_id: None | str
        trace_id = self.trace_id

        data = self.data

        created_at = self.created_at

        partition_id = self.partition_id

        partition = self.partition

        lease_id = self.lease_id

        consumer_group = self.consumer_group

        producer_sub: None | str | Unset
        if isinstance(self.producer_sub, Unset):
            producer_sub = UNSET
        else:
            producer_sub = self.producer_sub

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "transactionId": transaction_id,
                "traceId": trace_id,
                "data": data,
                "createdAt": created_at,
                "partitionId": partition_id,
                "partition": partition,
                "leaseId": lease_id,
                "consumerGroup": consumer_group,
            }
        )
        if producer_sub is not UNSET:
            field_dict["producerSub"] = producer_sub

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        transaction_id = d.pop("transactionId")

        def _parse_trace_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_id = _parse_trace_id(d.pop("traceId"))

        data = d.pop("data")

        created_at = d.pop("createdAt")

        partition_id = d.pop("partitionId")

        partition = d.pop("partition")

        lease_id = d.pop("leaseId")

        consumer_group = d.pop("consumerGroup")

        def _parse_producer_sub(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        producer_sub = _parse_producer_sub(d.pop("producerSub", UNSET))

        message = cls(
            id=id,
            transaction_id=transaction_id,
            trace_id=trace_id,
            data=data,
            created_at=created_at,
            partition_id=partition_id,
            partition=partition,
            lease_id=lease_id,
            consumer_group=consumer_group,
            producer_sub=producer_sub,
        )

        message.additional_properties = d
        return message

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
